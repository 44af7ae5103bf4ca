-- Queue (antrian): lanes and counters per site, counter sessions, tickets and their numbering.
-- Tickets are a hot path served by explicit SQL on the reactive pool; lanes and counters change rarely.

create table queue_lane (
    id             uuid primary key default gen_random_uuid(),
    site_code      text    not null references site (code),
    prefix         text    not null check (prefix ~ '^[A-Z]$'),
    name           text    not null,
    service_codes  text[]  not null,
    daily_quota    integer not null check (daily_quota > 0),
    created_at     timestamptz not null default now(),
    unique (site_code, prefix)
);

-- A counter (loket) serves one or more lanes. Its current session lives on the row so that
-- call-next can lock one row to serialise the calls of one counter.
create table queue_counter (
    id               uuid primary key default gen_random_uuid(),
    site_code        text    not null references site (code),
    number           integer not null check (number between 1 and 999),
    name             text    not null,
    lane_ids         uuid[]  not null,
    status           text    not null default 'CLOSED' check (status in ('CLOSED', 'OPEN', 'PAUSED')),
    pause_reason     text,
    staff_id         text,
    -- Priority tickets called in a row; bounded by satupintu.queue.max-priority-in-row.
    priority_streak  integer not null default 0,
    created_at       timestamptz not null default now(),
    unique (site_code, number)
);

create table queue_counter_session (
    id          uuid primary key default gen_random_uuid(),
    counter_id  uuid not null references queue_counter (id),
    staff_id    text not null,
    opened_at   timestamptz not null default now(),
    closed_at   timestamptz
);
create index queue_counter_session_open on queue_counter_session (counter_id) where closed_at is null;

create table queue_counter_pause (
    id          uuid primary key default gen_random_uuid(),
    session_id  uuid not null references queue_counter_session (id),
    reason      text not null,
    paused_at   timestamptz not null default now(),
    resumed_at  timestamptz
);

-- The last number taken per lane and local day: one upsert hands out the next number atomically.
create table queue_number (
    lane_id     uuid    not null references queue_lane (id),
    local_date  date    not null,
    last        integer not null,
    primary key (lane_id, local_date)
);

create table queue_ticket (
    id                 uuid primary key default gen_random_uuid(),
    site_code          text    not null references site (code),
    lane_id            uuid    not null references queue_lane (id),
    -- The lane that gave the number: a transferred ticket keeps its number.
    number_lane_id     uuid    not null references queue_lane (id),
    service_code       text    not null,
    local_date         date    not null,
    sequence           integer not null,
    number             text    not null,
    channel            text    not null check (channel in ('KIOSK', 'PHONE', 'DRIVE_THRU', 'COUNTER', 'INTEGRATOR')),
    priority           text    not null check (priority in ('NONE', 'DISABILITY', 'ELDERLY', 'PREGNANT', 'WITH_CHILDREN')),
    vehicle_plate      text,
    holder_id          text,
    issued_by          text    not null,
    status             text    not null check (status in ('WAITING', 'CALLED', 'SERVING', 'DONE', 'NO_SHOW', 'CLOSED')),
    issued_at          timestamptz not null default now(),
    counter_id         uuid references queue_counter (id),
    -- Set by a transfer to a counter: only that counter calls the ticket.
    target_counter_id  uuid references queue_counter (id),
    called_at          timestamptz,
    call_count         integer not null default 0,
    started_at         timestamptz,
    finished_at        timestamptz,
    -- When the holder was told their turn is near; told once.
    near_notified_at   timestamptz,
    unique (number_lane_id, local_date, sequence)
);
-- One active ticket per citizen and service; the race between two phones is settled here.
create unique index queue_ticket_one_active on queue_ticket (holder_id, service_code)
    where holder_id is not null and status in ('WAITING', 'CALLED', 'SERVING');
create index queue_ticket_waiting on queue_ticket (lane_id, issued_at) where status = 'WAITING';
create index queue_ticket_board on queue_ticket (site_code, called_at desc) where called_at is not null;
create index queue_ticket_served on queue_ticket (lane_id, finished_at desc) where status = 'DONE';
create index queue_ticket_active_day on queue_ticket (local_date) where status in ('WAITING', 'CALLED', 'SERVING');
create index queue_ticket_site_day on queue_ticket (site_code, local_date);

-- The site days whose end-of-day run is done: figures are written once per day.
create table queue_day_closed (
    site_code   text not null references site (code),
    local_date  date not null,
    closed_at   timestamptz not null,
    primary key (site_code, local_date)
);

-- Daily figures per lane and hour of issue (site-local), kept for KPIs.
create table queue_daily_figure (
    site_code                text    not null references site (code),
    lane_id                  uuid    not null references queue_lane (id),
    local_date               date    not null,
    hour                     integer not null check (hour between 0 and 23),
    issued                   integer not null,
    served                   integer not null,
    no_show                  integer not null,
    closed                   integer not null,
    average_wait_seconds     double precision,
    average_service_seconds  double precision,
    primary key (lane_id, local_date, hour)
);
