-- Events: every state change of an application, ticket or complaint writes one row in the same
-- transaction. NOTIFY carries only the id; every replica reads the row and fans it out to its
-- live streams. Clients that reconnect, and webhook deliveries, read from this table.
create table event (
    id          bigint generated always as identity primary key,
    stream      text        not null,
    type        text        not null,
    payload     jsonb       not null,
    created_at  timestamptz not null default now()
);
create index event_stream_id on event (stream, id);

create function event_notify() returns trigger language plpgsql as $$
begin
    -- Delivered only when the writing transaction commits, so listeners never see a rolled-back change.
    perform pg_notify('satupintu_events', new.id::text);
    return null;
end $$;

create trigger event_notify after insert on event for each row execute function event_notify();
