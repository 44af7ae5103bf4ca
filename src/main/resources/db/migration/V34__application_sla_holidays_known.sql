-- Whether an application's SLA deadline was counted with the holidays of every year it spans entered
-- (the catalog's calendar): false means it is provisional, counted as if such a year had no holidays,
-- and may come later once they are entered. Set by the SLA clock when it starts and when it moves.
alter table application add column sla_holidays_known boolean not null default true;

-- Deadlines counted before this version: provisional where a year from the clock's start to the
-- deadline has no holiday entered now. A one-off at this version; the service asks the calendar.
update application a set sla_holidays_known = false
 where a.deadline is not null and a.sla_started_on is not null
   and exists (select 1
                  from generate_series(extract(year from a.sla_started_on)::int, extract(year from a.deadline)::int) y (year)
                 where not exists (select 1 from holiday h
                                    where h.date between make_date(y.year, 1, 1) and make_date(y.year, 12, 31)));
