-- Catalog's published SQL face: what other features may read of a site in their own statements.
-- Beside the function working_days_between (V15) it is the only catalog object other features name
-- in SQL; they never join the catalog's tables (site, agency, service, holiday, site_closure), so the
-- catalog can change those tables without breaking their queries. A plain view: the planner inlines
-- it, so a join on code is still a look-up in site's unique index on code.
-- code: the site's code (what other features store as site_code); time_zone: its IANA zone, for the
-- site's local date; opening_hours: the week as {"days":[{"day":"MONDAY","opens":"08:00",
-- "closes":"15:00"}, ...]} (a day that is absent is closed), for queue's end of day.
create view catalog_site_zone as
select s.code, s.time_zone, s.opening_hours
  from site s;

comment on view catalog_site_zone is
    'Catalog''s published SQL face of a site (code, time_zone, opening_hours): other features read this view, never the catalog''s tables.';
