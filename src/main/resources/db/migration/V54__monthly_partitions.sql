-- Monthly partitions for the append-only logs that grow with every call and are kept for a retention period
-- (issue 15, growth): a month past its retention is dropped as one table instead of deleted row by row, which
-- left the heap and its indexes bloated and the pruning job's deletes competing with the inserts.
--
-- Months are UTC months. One mechanism for every such table: the table is registered below, this month's and
-- the next months' partitions are made ahead (platform_month_partitions_ensure, run by the migration and by the
-- platform's MonthlyPartitions job), and a DEFAULT partition takes a row of a month nobody made (a clock far off,
-- or the job down for months), so an insert never fails for want of a partition. The feature that owns the table
-- decides its retention and drops whole months through platform_month_partitions_drop.

create table platform_monthly_partitioned (
    parent        text primary key,
    months_ahead  integer not null default 3 check (months_ahead between 1 and 24)
);

-- The partition parent_YYYYMM of the UTC month of `month`, unless it exists; true when it was made.
create function platform_month_partition(parent text, month date) returns boolean language plpgsql as $$
declare
    first date := date_trunc('month', month)::date;
    name  text := parent || '_' || to_char(first, 'YYYYMM');
begin
    if to_regclass(name) is not null then
        return false;
    end if;
    execute format('create table %I partition of %I for values from (%L) to (%L)', name, parent,
                   first::timestamp at time zone 'UTC', (first + interval '1 month')::timestamp at time zone 'UTC');
    return true;
exception when check_violation or invalid_object_definition then
    -- The default partition already holds rows of that month: they stay there (still read with the rest);
    -- the month is made once an operator moves them (docs/operations.md).
    raise warning 'partition % not made: %', name, sqlerrm;
    return false;
end $$;

-- This month's partition and the next months_ahead of every registered table; how many were made. Replicas
-- running it at once take turns on the advisory lock, so none finds a name taken between check and create.
create function platform_month_partitions_ensure() returns integer language plpgsql as $$
declare
    t     platform_monthly_partitioned%rowtype;
    made  integer := 0;
begin
    perform pg_advisory_xact_lock(hashtext('satupintu.platform.month-partitions'));
    for t in select * from platform_monthly_partitioned order by parent loop
        for i in 0 .. t.months_ahead loop
            if platform_month_partition(t.parent,
                    (date_trunc('month', now() at time zone 'UTC') + make_interval(months => i))::date) then
                made := made + 1;
            end if;
        end loop;
    end loop;
    return made;
end $$;

-- Drops the months of parent that end at or before `before` (whole months only: the rest of a retention period
-- is the owner's row-level delete); how many were dropped.
create function platform_month_partitions_drop(parent text, before timestamptz) returns integer language plpgsql as $$
declare
    part     text;
    dropped  integer := 0;
begin
    perform pg_advisory_xact_lock(hashtext('satupintu.platform.month-partitions'));
    for part in select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
                 where i.inhparent = parent::regclass and c.relname ~ ('^' || parent || '_[0-9]{6}$')
                 order by c.relname loop
        if (to_date(right(part, 6), 'YYYYMM') + interval '1 month')::timestamp at time zone 'UTC' <= before then
            execute format('drop table %I', part);
            dropped := dropped + 1;
        end if;
    end loop;
    return dropped;
end $$;

-- The API clients' call audit (V22), partitioned by called_at. The primary key takes the partition key, as
-- PostgreSQL requires; ids still come from one identity sequence, so keyset paging by id is unchanged.
alter table identity_api_client_call rename to identity_api_client_call_unpartitioned;
alter index identity_api_client_call_pkey rename to identity_api_client_call_unpartitioned_pkey;
alter index identity_api_client_call_client_idx rename to identity_api_client_call_unpartitioned_client_idx;
alter index identity_api_client_call_time_idx rename to identity_api_client_call_unpartitioned_time_idx;

create table identity_api_client_call (
    id          bigint generated always as identity,
    client_id   uuid not null,
    method      varchar(10) not null,
    path        varchar(500) not null,
    status      smallint not null,
    called_at   timestamptz not null,
    duration_ms integer not null,
    primary key (id, called_at)
) partition by range (called_at);
create table identity_api_client_call_default partition of identity_api_client_call default;
insert into platform_monthly_partitioned (parent) values ('identity_api_client_call');

-- The months the audit already holds, then this month and the ones ahead.
select platform_month_partition('identity_api_client_call', m::date)
  from generate_series(date_trunc('month', (select min(called_at) from identity_api_client_call_unpartitioned)
                                           at time zone 'UTC'),
                       date_trunc('month', now() at time zone 'UTC'), interval '1 month') m;
select platform_month_partitions_ensure();

insert into identity_api_client_call (id, client_id, method, path, status, called_at, duration_ms)
overriding system value
select id, client_id, method, path, status, called_at, duration_ms from identity_api_client_call_unpartitioned;
select setval(pg_get_serial_sequence('identity_api_client_call', 'id'),
              coalesce((select max(id) from identity_api_client_call_unpartitioned), 1),
              (select max(id) from identity_api_client_call_unpartitioned) is not null);
drop table identity_api_client_call_unpartitioned;

create index identity_api_client_call_client_idx on identity_api_client_call (client_id, id desc);
create index identity_api_client_call_time_idx on identity_api_client_call (called_at);
