-- Integrations that speak their standards exactly (issue 13, section 3).
--
-- Webhooks: a subscription chooses its signature scheme. 'satupintu' is the SatuPintu-Signature
-- header (t=..,v1=<hex>, keyed by the secret's text), 'standard-webhooks' the webhook-id /
-- webhook-timestamp / webhook-signature headers of the Standard Webhooks specification 1.0.0 (keyed
-- by the base64-decoded secret after whsec_). A receiver answering 410 Gone has asked to hear nothing
-- more: the subscription is disabled (active false) with when and why, until its owner enables it again.
alter table webhook_subscription
    add column signature_scheme varchar(20) not null default 'satupintu'
        check (signature_scheme in ('satupintu', 'standard-webhooks')),
    add column disabled_at     timestamptz,
    add column disabled_reason varchar(40);

-- OSS RBA 4.3.x receiveLicenseStatus carries OSS's own ids of the permit back: kept from receiveNIB
-- when OSS sent them (oss_id of the NIB message, id_produk and kd_instansi of the checklist item).
-- A deemed approval (kd_status 57) is told to OSS once per permit: when it was is remembered here.
alter table oss_permit
    add column oss_id                  varchar(100),
    add column id_produk               varchar(100),
    add column kd_instansi             varchar(100),
    add column deemed_approval_sent_at timestamptz;

create or replace function webhook_fan_out() returns trigger language plpgsql as $$
declare
    -- A second deemed approval of the same permit: OSS has already been told (kd_status 57 once).
    deemed_again boolean := false;
begin
    if new.payload ->> 'ossStatusCode' = '57' and new.payload ? 'trackingNumber' then
        -- The row lock serialises two such events of one permit; the second finds the mark set.
        update oss_permit set deemed_approval_sent_at = now()
         where tracking_number = new.payload ->> 'trackingNumber' and deemed_approval_sent_at is null;
        deemed_again := not found;
    end if;
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
               and not deemed_again
               and exists (select 1 from oss_permit o
                           where o.tracking_number = new.payload ->> 'trackingNumber' and o.client_id = s.client_id)));
    return null;
end $$;
