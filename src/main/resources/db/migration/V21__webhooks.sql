-- Webhooks: API clients subscribe URLs to event types; every matching event gets one delivery row
-- per subscription, written by a trigger in the event's own transaction. So a delivery exists
-- exactly when its event committed, and within a stream deliveries are created in event order
-- (EventLog serializes a stream's appends until commit).

create table webhook_subscription (
    id                    uuid primary key default gen_random_uuid(),
    -- The API client (token subject) that owns the subscription, and its client_id for admins.
    client_id             uuid not null,
    client_name           varchar(64) not null,
    url                   varchar(2000) not null,
    -- As given by the client ('application.*', 'ticket.called'), and the same as LIKE patterns.
    event_types           text[] not null,
    type_patterns         text[] not null,
    -- The owner's binding when it subscribed: a bound client hears only its agency's / site's objects.
    agency_code           varchar(40),
    site_code             varchar(40),
    active                boolean not null default true,
    -- The signing secret must be recoverable to sign, so it is encrypted (AES-GCM), not hashed.
    secret_encrypted      text not null,
    -- After a rotation the previous secret still signs (a second v1) until it expires.
    previous_secret_encrypted text,
    previous_secret_expires_at timestamptz,
    created_at            timestamptz not null default now(),
    updated_at            timestamptz not null default now()
);
create index webhook_subscription_client_idx on webhook_subscription (client_id, created_at);
create index webhook_subscription_active_idx on webhook_subscription (active) where active;

create table webhook_delivery (
    id               bigint generated always as identity primary key,
    subscription_id  uuid not null references webhook_subscription (id) on delete cascade,
    event_id         bigint not null references event (id),
    stream           text not null,
    status           varchar(16) not null default 'PENDING' check (status in ('PENDING', 'DELIVERED', 'DEAD')),
    attempts         integer not null default 0,
    next_attempt_at  timestamptz not null default now(),
    -- A replica that claimed the delivery owns it until then; past it, another may retry.
    lease_until      timestamptz,
    last_status      integer,
    last_error       varchar(500),
    created_at       timestamptz not null default now(),
    delivered_at     timestamptz,
    dead_at          timestamptz,
    unique (subscription_id, event_id)
);
-- What is due; and what is still pending ahead of a delivery in its stream (per-object order).
create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at, id) where status = 'PENDING';
create index webhook_delivery_stream_idx on webhook_delivery (subscription_id, stream, event_id) where status = 'PENDING';
create index webhook_delivery_dead_idx on webhook_delivery (dead_at desc, id desc) where status = 'DEAD';

create function webhook_fan_out() returns trigger language plpgsql as $$
begin
    -- Only from the object's own stream (type 'ticket.called' from 'ticket:<id>', not the
    -- 'board:<site>' copy of it), matching a pattern, and within the subscriber's binding: a field
    -- the event does not carry never matches a bound subscriber.
    insert into webhook_delivery (subscription_id, event_id, stream)
    select s.id, new.id, new.stream
    from webhook_subscription s
    where s.active
      and split_part(new.type, '.', 1) = split_part(new.stream, ':', 1)
      and new.type like any (s.type_patterns)
      and (s.agency_code is null or s.agency_code = new.payload ->> 'agencyCode')
      and (s.site_code is null or s.site_code = new.payload ->> 'siteCode');
    return null;
end $$;

create trigger webhook_fan_out after insert on event for each row execute function webhook_fan_out();
