-- Daily figures behind the service indicators (GET /api/v1/indicators), one table per feature that owns
-- the facts: each is written by its feature's own job step and read only through that feature's service.
-- One row per site, agency, service and site-local date (and channel for the queue). Medians and p90 over
-- a week or a month cannot be averaged from daily medians, so the values they need are kept as per-day
-- arrays (exact, and small: one int per ticket or decision), and the mean's parts as sums and counts.

-- Queue: tickets by the local date they were issued on; a day is materialized once end of day has closed it.
create table queue_indicator_day (
    site_code        text    not null references site (code),
    agency_code      text    not null,
    service_code     text    not null,
    local_date       date    not null,
    channel          text    not null,
    issued           integer not null,
    served           integer not null,
    no_show          integer not null,
    -- Seconds from issue to first call of every ticket called that day.
    waits            integer[] not null,
    service_seconds  bigint  not null,
    service_timed    integer not null,
    priority_issued  integer not null,
    -- Waits of the priority tickets called (share within N minutes is counted at read time: N is a setting).
    priority_waits   integer[] not null,
    primary key (site_code, local_date, agency_code, service_code, channel)
);
-- When the indicator step took the closed day in; null: not yet.
alter table queue_day_closed add column indicators_at timestamptz;

-- Applications: filings and decisions by the local date of the history entry.
create table application_indicator_day (
    site_code         text    not null references site (code),
    agency_code       text    not null,
    service_code      text    not null,
    local_date        date    not null,
    filed             integer not null,
    decided           integer not null,
    decided_in_time   integer not null,
    deemed            integer not null,
    -- Decided applications that had been returned for revision at least once.
    returned_decided  integer not null,
    -- Working days from the SLA clock's start to the decision, one per decision.
    decision_days     integer[] not null,
    primary key (site_code, local_date, agency_code, service_code)
);
-- The last local date of each site whose application figures are in the table.
create table application_indicator_through (
    site_code  text primary key references site (code),
    through    date not null
);
-- The indicator steps and today's live figures read history by time.
create index application_history_at on application_history (at);

-- Complaints: received, verified, resolved, reopened and rated by the local date of the history entry;
-- '' stands for no agency or service.
create table complaint_indicator_day (
    site_code          text    not null references site (code),
    agency_code        text    not null,
    service_code       text    not null,
    local_date         date    not null,
    received           integer not null,
    verified           integer not null,
    verified_in_time   integer not null,
    resolved           integer not null,
    resolved_in_time   integer not null,
    reopened           integer not null,
    rated              integer not null,
    rating_sum         integer not null,
    primary key (site_code, local_date, agency_code, service_code)
);
create table complaint_indicator_through (
    site_code  text primary key references site (code),
    through    date not null
);
create index complaint_history_at on complaint_history (at);
