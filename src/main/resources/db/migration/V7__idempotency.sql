-- Idempotent submissions: a retried request with the same Idempotency-Key gets the first result.
create table idempotency_record (
    scope         text        not null,
    key           text        not null,
    request_hash  text        not null,
    status        integer,
    response      jsonb,
    created_at    timestamptz not null default now(),
    primary key (scope, key)
);
create index idempotency_record_created_at on idempotency_record (created_at);
