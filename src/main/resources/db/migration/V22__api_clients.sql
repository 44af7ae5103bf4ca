-- API clients administered through the API: rotation, revocation, per-client rate limits, and the
-- audit log of their calls.

-- token_generation: a client's access tokens carry it (claim "gen"); revocation, rotation and edits
-- of scopes or binding move it on, so tokens issued before stop at their next call.
-- previous_secret_*: after a rotation with a grace period the old secret still signs in until then.
alter table identity_api_client
    add column token_generation      integer not null default 0,
    add column rate_limit            integer check (rate_limit is null or rate_limit between 1 and 1000000),
    add column previous_secret_hash  varchar(200),
    add column previous_secret_until timestamptz,
    add column secret_rotated_at     timestamptz,
    add column revoked_at            timestamptz,
    add column updated_at            timestamptz not null default now();

-- The current rate-limit window of each client: one row per client, reset when a new window starts,
-- so the table never grows and every replica counts against the same row. Unlogged: every client
-- call writes here, and without WAL its commit waits for no disk flush; a crash (or a failover) only
-- empties it, which restarts the windows.
create unlogged table identity_api_client_usage (
    client_id    uuid primary key references identity_api_client (id) on delete cascade,
    window_start timestamptz not null,
    calls        integer not null
);

-- Every call made with a client's token: who, what, the answer and how long it took. No bodies, no
-- query strings, no personal data. Written in batches, a moment after the call.
create table identity_api_client_call (
    id          bigint generated always as identity primary key,
    client_id   uuid not null,
    method      varchar(10) not null,
    path        varchar(500) not null,
    status      smallint not null,
    called_at   timestamptz not null,
    duration_ms integer not null
);
create index identity_api_client_call_client_idx on identity_api_client_call (client_id, id desc);
create index identity_api_client_call_time_idx on identity_api_client_call (called_at);
