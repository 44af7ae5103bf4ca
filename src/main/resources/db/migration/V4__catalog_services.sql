-- Catalog: agencies (the tenants of sites), their services and the versioned standards of those services.
create extension if not exists pg_trgm;

create table agency (
    id          uuid primary key default gen_random_uuid(),
    code        text        not null unique check (code ~ '^[A-Z0-9][A-Z0-9-]{1,39}$'),
    name        text        not null,
    short_name  text        not null,
    kind        text        not null check (kind in ('REGIONAL', 'VERTICAL', 'BUMN_BUMD', 'BANK')),
    website     text,
    phone       text,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);

-- Which sites an agency serves at (an MPP hosts many agencies; an agency may sit in several MPPs).
create table agency_site (
    agency_id  uuid not null references agency (id) on delete cascade,
    site_id    uuid not null references site (id),
    primary key (agency_id, site_id)
);
create index agency_site_site on agency_site (site_id);

create table service (
    id               uuid primary key default gen_random_uuid(),
    code             text        not null unique check (code ~ '^[A-Z0-9][A-Z0-9-]{1,39}$'),
    agency_id        uuid        not null references agency (id),
    name_id          text        not null,
    name_en          text        not null,
    type             text        not null check (type in ('PERIZINAN', 'NONPERIZINAN')),
    current_version  integer     not null check (current_version >= 1),
    active           boolean     not null default true,
    -- What the public text search looks in; trigram-indexed so "ktp" or "paspor" finds a name anywhere.
    search_text      text generated always as (lower(code || ' ' || name_id || ' ' || name_en)) stored,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now()
);
create index service_agency on service (agency_id);
create index service_search on service using gin (search_text gin_trgm_ops);

-- Every published version of a service standard stays: an application keeps the version it was filed under.
create table service_standard (
    id          uuid primary key default gen_random_uuid(),
    service_id  uuid        not null references service (id) on delete cascade,
    version     integer     not null check (version >= 1),
    -- The 14 components of UU 25/2009 Pasal 21 plus the application form, as one object (see ServiceStandard).
    document    jsonb       not null check (jsonb_typeof(document) = 'object'),
    created_at  timestamptz not null default now(),
    created_by  text        not null,
    unique (service_id, version)
);
