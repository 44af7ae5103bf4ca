-- Waiting time by hour of the day (the dashboard's chart, GET /api/v1/indicators/hours): the queue's daily
-- figures cut by the site-local hour each ticket was issued in, one row per site, local date, hour, agency and
-- service. Written by the same job step and statement as queue_indicator_day (a closed day is stored in both
-- and marked once), read the same way: stored days up to the last closed day taken in, the days after it live.
-- The waits are kept as values, as in queue_indicator_day, so an hour's median and p90 over a period are exact.
create table queue_indicator_hour (
    site_code     text     not null references site (code),
    agency_code   text     not null,
    service_code  text     not null,
    local_date    date     not null,
    hour          smallint not null check (hour between 0 and 23),
    issued        integer  not null,
    served        integer  not null,
    -- Seconds from issue to first call of every ticket issued in the hour and called.
    waits         integer[] not null,
    primary key (site_code, local_date, hour, agency_code, service_code)
);

-- The days taken in before this table existed are marked already, so the job will not come back to them: their
-- hours are filled here once, from their tickets (final since end of day closed them), by the aggregate that
-- QueueIndicators uses from now on.
insert into queue_indicator_hour (site_code, agency_code, service_code, local_date, hour, issued, served, waits)
select t.site_code, coalesce(sa.agency_code, ''), t.service_code, t.local_date,
       extract(hour from t.issued_at at time zone z.time_zone)::smallint,
       count(*)::int,
       (count(*) filter (where t.status = 'DONE'))::int,
       coalesce(array_agg(extract(epoch from t.called_at - t.issued_at)::int) filter (where t.called_at is not null),
                '{}')
  from queue_day_closed d
  join queue_ticket t on t.site_code = d.site_code and t.local_date = d.local_date
  join catalog_site_zone z on z.code = t.site_code
  left join catalog_service_agency sa on sa.code = t.service_code
 where d.indicators_at is not null
 group by 1, 2, 3, 4, 5;
