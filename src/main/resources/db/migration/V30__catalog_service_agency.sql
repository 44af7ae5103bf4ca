-- Catalog's published SQL face of a service, beside catalog_site_zone (V24): which agency owns it.
-- The queue reads it in the statement that finds a ticket's lane, so a client bound to an agency is
-- refused another agency's service without a second round trip on the ticket-issue hot path. Other
-- features name this view, never the catalog's tables (service, agency). A plain view: the planner
-- inlines it, so a look-up by code uses service's unique index on code and agency's primary key.
-- code: the service's code (what other features store as service_code); agency_code: its agency's code.
create view catalog_service_agency as
select s.code, a.code as agency_code
  from service s
  join agency a on a.id = s.agency_id;

comment on view catalog_service_agency is
    'Catalog''s published SQL face of a service (code, agency_code): other features read this view, never the catalog''s tables.';
