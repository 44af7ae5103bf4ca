-- "Your turn is near" for a kiosk ticket whose holder left a phone number (issue 13 §1). A ticket taken at the
-- site has no account behind it, so the number is the ticket's own contact: kept encrypted
-- (PersonalDataProtection) beside its masked form (what the issuer and staff are shown), in the language the
-- holder chose at the kiosk, and forgotten by the queue's end of day. In a table of its own, as
-- queue_ticket_near is: the hot queue_ticket row stays as it was, and only tickets with a number carry one.
create table queue_ticket_contact (
    ticket_id        uuid primary key references queue_ticket (id) on delete cascade,
    phone_encrypted  text        not null,
    phone_masked     text        not null,
    language         text        not null default 'id' check (language in ('id', 'en')),
    created_at       timestamptz not null default now()
);

-- What the notifications feature may read of it, as V44's holder views publish a ticket's holder.
create view queue_ticket_contact_holder as
    select c.ticket_id as id, c.phone_encrypted, c.language, t.site_code
      from queue_ticket_contact c join queue_ticket t on t.id = c.ticket_id;

-- A notification goes to an account (its centre, and the channels it set up) or to a ticket's contact (one SMS,
-- no centre: nobody signs in as a kiosk ticket). Exactly one of the two.
alter table notification alter column account_id drop not null;
alter table notification add column contact_ticket_id uuid;
alter table notification add constraint notification_addressee
    check ((account_id is null) <> (contact_ticket_id is null));
create unique index notification_contact_once on notification (contact_ticket_id, once_key)
    where contact_ticket_id is not null and once_key is not null;

-- notification_make for a ticket's contact: the row (once per once_key and ticket, whatever races) and its one
-- send, by SMS. No quiet hours and no opt-out: the holder asked for this one message a moment ago, at the site.
-- Its 'notification.created' event (what wakes the dispatchers) goes on 'notifications:contact-<ticket>', a stream
-- no centre follows (an account's is 'notifications:<uuid>'), and carries what notification_make's does: the
-- template and its codes, never the number. The id made; null when the ticket has no contact or the once_key was
-- told already.
create function notification_make_for_contact(ticket uuid, tmpl text, args jsonb, site text, from_event bigint,
                                              once text) returns bigint language plpgsql as $$
declare
    made bigint;
begin
    if not exists (select 1 from queue_ticket_contact_holder k where k.id = ticket) then
        return null;
    end if;
    insert into notification (contact_ticket_id, template, params, site_code, event_id, once_key)
    values (ticket, tmpl, args, site, from_event, once)
    on conflict (contact_ticket_id, once_key) where contact_ticket_id is not null and once_key is not null do nothing
    returning id into made;
    if made is null then
        return null;
    end if;
    insert into notification_send (notification_id, channel, template) values (made, 'SMS', tmpl);
    -- EventLog.append's rule: the stream's lock before the insert, so its ids commit in order.
    perform pg_advisory_xact_lock(hashtextextended('notifications:contact-' || ticket, 0));
    insert into event (stream, type, payload)
    values ('notifications:contact-' || ticket, 'notification.created',
            jsonb_build_object('id', made, 'template', tmpl, 'params', args, 'createdAt', now()));
    return made;
end $$;

-- V47's trigger function, now also telling a ticket's contact when the ticket has no account behind it.
create or replace function notification_from_event() returns trigger language plpgsql as $$
declare
    kind    text := split_part(new.stream, ':', 1);
    object  uuid;
    account uuid;
    site    text;
    tmpl    text;
    args    jsonb;
    once    text;
begin
    begin
        object := split_part(new.stream, ':', 2)::uuid;
        if kind = 'application' then
            select h.account_id, h.site_code into account, site from application_holder h where h.id = object;
            if new.type = 'application.issue-permit' then
                tmpl := 'permit-issued';
                args := jsonb_build_object('trackingNumber', new.payload ->> 'trackingNumber');
            else
                tmpl := 'application-state';
                args := jsonb_build_object('trackingNumber', new.payload ->> 'trackingNumber',
                                           'state', new.payload ->> 'state');
            end if;
        elsif kind = 'complaint' then
            select h.account_id, h.site_code into account, site from complaint_holder h where h.id = object;
            tmpl := 'complaint-answered';
            args := jsonb_build_object('trackingCode', new.payload ->> 'trackingCode');
        elsif kind = 'booking' then
            select h.account_id, h.site_code,
                   jsonb_build_object('bookingId', h.id, 'site', h.site_code,
                                      'date', to_char(h.starts_at at time zone coalesce(z.time_zone, 'Asia/Jakarta'), 'YYYY-MM-DD'),
                                      'time', to_char(h.starts_at at time zone coalesce(z.time_zone, 'Asia/Jakarta'), 'HH24:MI'))
              into account, site, args
              from booking_holder h left join catalog_site_zone z on z.code = h.site_code where h.id = object;
            tmpl := 'booking-confirmed';
        elsif kind = 'ticket' then
            select h.account_id, h.site_code into account, site from queue_ticket_holder h where h.id = object;
            tmpl := 'turn-near';
            args := jsonb_build_object('number', new.payload ->> 'number', 'position', new.payload -> 'position');
            once := 'turn-near:' || object;
            if account is null then
                perform notification_make_for_contact(object, tmpl, args, coalesce(site, new.payload ->> 'siteCode'),
                                                      new.id, once);
            end if;
        end if;
        if account is not null then
            perform notification_make(account, tmpl, args, coalesce(site, new.payload ->> 'siteCode'), new.id, once);
        end if;
    exception when others then
        -- A notification must never undo the change it tells of: the change stands, the notice is lost (and said so).
        raise warning 'notification for % (%) not made: %', new.stream, new.type, sqlerrm;
    end;
    return null;
end $$;
