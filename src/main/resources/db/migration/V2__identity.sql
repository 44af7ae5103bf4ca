-- Identity: people (citizens and staff), API clients, refresh tokens and login throttling.
-- Agency and site codes are plain text: the catalog feature owns those tables.

create table identity_user (
    id              uuid primary key default gen_random_uuid(),
    username        varchar(64),
    password_hash   varchar(200) not null,
    role            varchar(32) not null
        check (role in ('citizen', 'officer', 'counter_staff', 'supervisor', 'admin')),
    full_name       varchar(200) not null,
    agency_code     varchar(40),
    site_code       varchar(40),
    email           varchar(254),
    -- NIK and phone: AES-GCM ciphertext plus an HMAC blind index for uniqueness and look-ups.
    nik_encrypted   text,
    nik_index       varchar(64),
    phone_encrypted text,
    phone_index     varchar(64),
    active          boolean not null default true,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    constraint identity_user_citizen_unbound check (role <> 'citizen' or (agency_code is null and site_code is null)),
    constraint identity_user_citizen_nik check (role <> 'citizen' or nik_index is not null),
    constraint identity_user_signs_in check (username is not null or nik_index is not null)
);
create unique index identity_user_username_key on identity_user (lower(username)) where username is not null;
-- One account per NIK.
create unique index identity_user_nik_key on identity_user (nik_index) where nik_index is not null;
create index identity_user_phone_idx on identity_user (phone_index) where phone_index is not null;
create index identity_user_role_idx on identity_user (role);

create table identity_api_client (
    id           uuid primary key default gen_random_uuid(),
    client_id    varchar(64) not null,
    name         varchar(200) not null,
    kind         varchar(32) not null check (kind in ('integrator', 'kiosk', 'drive_thru', 'display_board')),
    secret_hash  varchar(200) not null,
    scopes       varchar(1000) not null default '',
    agency_code  varchar(40),
    site_code    varchar(40),
    active       boolean not null default true,
    created_at   timestamptz not null default now()
);
create unique index identity_api_client_client_id_key on identity_api_client (lower(client_id));

-- Opaque refresh tokens, stored as SHA-256. Each use spends a token and issues the next one in the
-- same family; presenting a spent token again revokes the whole family.
create table identity_refresh_token (
    id          uuid primary key default gen_random_uuid(),
    family_id   uuid not null,
    user_id     uuid not null references identity_user (id) on delete cascade,
    token_hash  varchar(64) not null unique,
    issued_at   timestamptz not null default now(),
    expires_at  timestamptz not null,
    spent_at    timestamptz,
    revoked_at  timestamptz
);
create index identity_refresh_token_family_idx on identity_refresh_token (family_id);
create index identity_refresh_token_expiry_idx on identity_refresh_token (expires_at);

-- Failed sign-ins per submitted identifier (keyed by an HMAC of it, so unknown names behave exactly
-- like known ones and no typed secret is stored in clear).
create table identity_login_throttle (
    subject          varchar(64) primary key,
    failures         integer not null,
    last_failure_at  timestamptz not null,
    locked_until     timestamptz
);
create index identity_login_throttle_age_idx on identity_login_throttle (last_failure_at);
