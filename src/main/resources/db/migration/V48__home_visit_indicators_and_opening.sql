-- Home visits: the daily indicator figures, the day of the team's report they are counted on, and the
-- claim that lets only one team member open the visit's application.

-- The site-local date the outcome (DONE or FAILED) was reported on, from the service's clock. An outcome is
-- final, so a past day's count never changes and is stored once (below). Visits reported before this column
-- existed take the date of their last change, which was the report.
alter table home_visit add column reported_on date;
update home_visit h set reported_on = (h.updated_at at time zone z.time_zone)::date
  from catalog_site_zone z where z.code = h.site_code and h.state in ('DONE', 'FAILED');

-- Opening the application is a filing in the application feature (its own transaction) and then the link on
-- the visit: the member who opens first claims the visit here (a conditional update), so a second member at
-- the same moment is refused instead of filing a second draft. The claim lapses after a few minutes (the
-- database's clock) so a filer who died between the two steps does not block the visit for good.
alter table home_visit add column application_opener text;
alter table home_visit add column application_opening_at timestamptz;

-- The figures' reads and the job take a site's requests and reports of a range of days.
create index home_visit_site_requested on home_visit (site_code, requested_on);
create index home_visit_site_reported on home_visit (site_code, reported_on) where reported_on is not null;

-- One row per site, agency, service and site-local date: requests received that day, visits reported done or
-- failed that day and, per visit done, the working and the calendar days from the request to the visit's day
-- (kept as values so a period's median is exact, as the other features' tables do).
create table home_visit_indicator_day (
    site_code              text      not null references site (code),
    agency_code            text      not null,
    service_code           text      not null,
    local_date             date      not null,
    requested              integer   not null,
    done                   integer   not null,
    failed                 integer   not null,
    working_days_to_visit  integer[] not null,
    calendar_days_to_visit integer[] not null,
    primary key (site_code, local_date, agency_code, service_code)
);
-- The last local date of each site whose home-visit figures are in the table.
create table home_visit_indicator_through (
    site_code  text primary key references site (code),
    through    date not null
);
