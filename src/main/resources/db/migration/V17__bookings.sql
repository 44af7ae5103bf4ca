-- Bookings (janji temu): appointment slots per site, service and day, the citizens' bookings of them,
-- and the tickets a check-in puts in the queue.

-- When a service can be booked at a site: per weekday, the hours (site-local), the slot length and how
-- many citizens one slot takes. Slots are only offered on working days (WorkingDayCalendar).
create table queue_booking_hours (
    site_code     text    not null references site (code),
    service_code  text    not null,
    -- ISO day of week, 1 = Monday.
    weekday       integer not null check (weekday between 1 and 7),
    opens         time    not null,
    closes        time    not null,
    slot_minutes  integer not null check (slot_minutes between 5 and 240),
    capacity      integer not null check (capacity between 1 and 500),
    check (opens < closes),
    primary key (site_code, service_code, weekday)
);

-- How many places of a slot are taken. The row is made by the first booking; a conditional
-- increment (booked < capacity) under the row lock keeps parallel bookings within capacity.
create table queue_slot (
    site_code     text        not null references site (code),
    service_code  text        not null,
    starts_at     timestamptz not null,
    local_date    date        not null,
    booked        integer     not null default 0 check (booked >= 0),
    primary key (site_code, service_code, starts_at)
);
create index queue_slot_day on queue_slot (site_code, service_code, local_date);

create table queue_booking (
    id             uuid primary key default gen_random_uuid(),
    site_code      text        not null references site (code),
    service_code   text        not null,
    citizen_id     text        not null,
    local_date     date        not null,
    starts_at      timestamptz not null,
    ends_at        timestamptz not null,
    status         text        not null check (status in ('BOOKED', 'CHECKED_IN', 'CANCELLED', 'NO_SHOW')),
    -- SHA-256 of the QR token: the token itself is shown once, to the citizen, and never stored.
    token_hash     text        not null unique,
    ticket_id      uuid,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    checked_in_at  timestamptz
);
-- One active booking per citizen, service and day; parallel requests are settled here.
create unique index queue_booking_one_active on queue_booking (citizen_id, service_code, local_date)
    where status = 'BOOKED';
create index queue_booking_citizen on queue_booking (citizen_id, starts_at desc);
create index queue_booking_due on queue_booking (starts_at) where status = 'BOOKED';

-- A checked-in booking becomes a ticket of the BOOKING channel that carries its slot time: call-next
-- serves it before the others once that time has come.
alter table queue_ticket drop constraint queue_ticket_channel_check;
alter table queue_ticket add constraint queue_ticket_channel_check
    check (channel in ('KIOSK', 'PHONE', 'DRIVE_THRU', 'COUNTER', 'INTEGRATOR', 'BOOKING'));
alter table queue_ticket add column booked_for timestamptz;
alter table queue_booking add constraint queue_booking_ticket foreign key (ticket_id) references queue_ticket (id);
