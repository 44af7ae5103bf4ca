-- Webhooks follow their client as it is now, not as it was when it subscribed.
--
-- A subscription kept a copy of its client's agency/site binding, which went stale as soon as an
-- administrator rebound the client; fan-out now reads the client's current binding and hears nothing
-- for a revoked client. Right before each send the dispatcher asks again (WebhookAccess): a delivery
-- the client may no longer read (revoked, read scope withdrawn, outside its binding) is not sent but
-- SKIPPED with the reason. Skipped is not a failure: no retries, no dead letter, forgotten after
-- keep-delivered-days like delivered ones, and it no longer holds back later events of its stream.
alter table webhook_subscription
    drop column agency_code,
    drop column site_code;

alter table webhook_delivery
    drop constraint webhook_delivery_status_check,
    add constraint webhook_delivery_status_check check (status in ('PENDING', 'DELIVERED', 'DEAD', 'SKIPPED')),
    add column skipped_at  timestamptz,
    -- client-revoked, scope-missing or outside-binding.
    add column skip_reason varchar(40);

create or replace function webhook_fan_out() returns trigger language plpgsql as $$
begin
    -- Only from the object's own stream (type 'ticket.called' from 'ticket:<id>', not the
    -- 'board:<site>' copy of it), matching a pattern, for a client that is still active and within
    -- its current binding (Caller.bindingCovers, in SQL: a field the event does not carry never
    -- matches a bound client). Scopes are checked when sending. An OSS-format subscription hears only
    -- state changes (a step with a fromState other than its state and an OSS code) of applications
    -- its own client pushed in: OSS knows no other object.
    insert into webhook_delivery (subscription_id, event_id, stream)
    select s.id, new.id, new.stream
    from webhook_subscription s
    join identity_api_client c on c.id = s.client_id and c.active
    where s.active
      and split_part(new.type, '.', 1) = split_part(new.stream, ':', 1)
      and new.type like any (s.type_patterns)
      and (c.agency_code is null or c.agency_code = new.payload ->> 'agencyCode')
      and (c.site_code is null or c.site_code = new.payload ->> 'siteCode')
      and (s.format = 'satupintu'
           or (new.payload ? 'fromState'
               and (new.payload ->> 'fromState') is distinct from (new.payload ->> 'state')
               and new.payload ->> 'ossStatusCode' is not null
               and exists (select 1 from oss_permit o
                           where o.tracking_number = new.payload ->> 'trackingNumber' and o.client_id = s.client_id)));
    return null;
end $$;
