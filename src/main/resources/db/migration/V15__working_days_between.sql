-- Catalog: the working-day count of WorkingDayCalendar.workingDaysBetween as a database function,
-- so a hot read (the public application status) can answer "working days left" in the same single
-- statement that reads the application, instead of loading the calendar into the service first.
-- Same rules as CalendarWindow: Monday-Friday, less national holidays, cuti bersama and the site's
-- own closures. Counts the working days in (from_day, to_day]; negative, counting (to_day, from_day],
-- when to_day is before from_day; null when either date is null. Owned by the catalog feature: other
-- features call it, never read holiday or site_closure themselves.
-- plpgsql rather than SQL: a plpgsql function keeps its plan for the session (a SQL function with a
-- sub-select cannot be inlined and is planned again on every statement that calls it).
create function working_days_between(p_site text, p_from date, p_to date) returns integer
    language plpgsql stable strict parallel safe as $$
declare
    low  date := least(p_from, p_to);
    days integer := abs(p_to - p_from);
    n    integer;
begin
    if days = 0 then
        return 0;
    end if;
    select count(*) into n
      from generate_series(1, days) as g(i)
     where extract(isodow from low + g.i) < 6
       and not exists (select 1 from holiday h where h.date = low + g.i)
       and not exists (select 1 from site_closure c
                        where c.site_code = p_site and c.starts_on <= low + g.i and c.ends_on >= low + g.i);
    return case when p_to >= p_from then n else -n end;
end $$;
