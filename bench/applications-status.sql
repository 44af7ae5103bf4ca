-- pgbench script of bench/applications.sh: the public status read, the statement of
-- ApplicationStatusReader.SQL verbatim (ApplicationStatusReadTest checks it), with the tracking number
-- $1 taken from bench_status_number (the seeded numbers, 1..:numbers) because pgbench variables are numbers only,
-- and $2 (the service clock's instant) as now().
\set n random(1, :numbers)
select a.tracking_number, a.service_code, a.state, a.submitted_at, a.updated_at, a.deadline, a.sla_holidays_known, case when a.state in ('IN_TECHNICAL_REVIEW', 'IN_VERIFICATION', 'RETURNED_FOR_REVISION', 'SUBMITTED') then working_days_between(a.site_code, coalesce(a.clock_paused_on, (now()::timestamptz at time zone s.time_zone)::date), a.deadline) end as working_days_left from application a join catalog_site_zone s on s.code = a.site_code where a.tracking_number = (select tracking_number from bench_status_number where n = :n) and a.state <> 'DRAFT'
