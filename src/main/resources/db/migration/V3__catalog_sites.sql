-- Catalog: sites (a Mal Pelayanan Publik or a PTSP office), each in its own time zone.
create table site (
    id             uuid primary key default gen_random_uuid(),
    code           text        not null unique check (code ~ '^[A-Z0-9][A-Z0-9-]{1,31}$'),
    kind           text        not null check (kind in ('MPP', 'PTSP')),
    name           text        not null,
    address        text        not null,
    city           text        not null,
    province_code  char(2)     not null,
    latitude       double precision check (latitude between -90 and 90),
    longitude      double precision check (longitude between -180 and 180),
    time_zone      text        not null,
    phone          text,
    email          text,
    -- [{"day":"MONDAY","opens":"08:00","closes":"15:00"}, ...]; a day that is absent is closed.
    opening_hours  jsonb       not null default '[]',
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now()
);
