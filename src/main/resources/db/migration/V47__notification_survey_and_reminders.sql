-- Notifications that no event of the object makes (issue 13 §1): a survey invitation that opened, and a permit
-- about to expire (found by a job). Such notifications have no event of their own.
alter table notification alter column event_id drop not null;

-- Making one notification, the one place it is written: the row (once per once_key and account, whatever races),
-- its sends on the channels the account has and did not opt out of, and a 'notification.created' event on
-- 'notifications:<account>' for the live centre. That stream's prefix differs from its type's on purpose:
-- webhook_fan_out only delivers types whose prefix is their stream's, so a citizen's notifications never reach an
-- integrator. The id made; null when the once_key was told already.
create function notification_make(account uuid, tmpl text, args jsonb, site text, from_event bigint, once text)
    returns bigint language plpgsql as $$
declare
    made notification%rowtype;
begin
    insert into notification (account_id, template, params, site_code, event_id, once_key)
    values (account, tmpl, args, site, from_event, once)
    on conflict (account_id, once_key) where once_key is not null do nothing
    returning * into made;
    if made.id is null then
        return null;
    end if;
    insert into notification_send (notification_id, channel, template)
    select made.id, c.channel, tmpl from notification_channel c where c.account_id = account and not c.opted_out;
    -- EventLog.append's rule: the stream's lock before the insert, so its ids commit in order.
    perform pg_advisory_xact_lock(hashtextextended('notifications:' || account, 0));
    insert into event (stream, type, payload)
    values ('notifications:' || account, 'notification.created',
            jsonb_build_object('id', made.id, 'template', tmpl, 'params', args, 'createdAt', made.created_at));
    return made.id;
end $$;

-- Who holds a booking, as the queue feature publishes it for this (as V44's holder views).
create view booking_holder as
    select id, case when citizen_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                    then citizen_id::uuid end as account_id, site_code, service_code, local_date, starts_at, status,
           created_at
    from queue_booking;

-- V44's trigger function, now making its notification through notification_make.
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

drop trigger notification_from_event on event;
create trigger notification_from_event after insert on event for each row
    when ((new.stream like 'application:%' and new.type like 'application.%' and new.payload ? 'fromState'
           and (new.payload ->> 'fromState') is distinct from (new.payload ->> 'state'))
       or (new.stream like 'complaint:%' and new.type = 'complaint.answer')
       or (new.stream like 'ticket:%' and new.type = 'ticket.near')
       or (new.stream like 'booking:%' and new.type in ('booking.booked', 'booking.rescheduled')))
    execute function notification_from_event();

-- A survey invitation opened (V37: when a ticket, application or complaint ends): its holder is invited, once per
-- invitation. The notification carries the transaction's kind, id and codes, never its token: tokens are stored
-- only hashed, so the link is derived (and its hash stored) when the notification is shown or sent.
create function notification_from_survey_invitation() returns trigger language plpgsql as $$
declare
    account uuid;
begin
    begin
        if new.kind = 'TICKET' then
            select h.account_id into account from queue_ticket_holder h where h.id = new.transaction_id;
        elsif new.kind = 'APPLICATION' then
            select h.account_id into account from application_holder h where h.id = new.transaction_id;
        else
            select h.account_id into account from complaint_holder h where h.id = new.transaction_id;
        end if;
        if account is not null then
            perform notification_make(account, 'survey-open',
                    jsonb_build_object('survey', jsonb_build_object('kind', new.kind, 'id', new.transaction_id,
                                       'siteCode', new.site_code, 'agencyCode', new.agency_code,
                                       'serviceCode', new.service_code)),
                    new.site_code, null, 'survey-open:' || new.id);
        end if;
    exception when others then
        raise warning 'survey notification for % % not made: %', new.kind, new.transaction_id, sqlerrm;
    end;
    return null;
end $$;

create trigger notification_from_survey_invitation after insert on survey_invitation for each row
    execute function notification_from_survey_invitation();

-- The permits a holder can be told of, as the application feature publishes them for this (as V44's holder
-- views): not revoked, with an expiry date, and the account of the application's applicant (null: no account).
create view permit_holder as
    select p.id, p.number, p.site_code, p.service_code, p.issued_on, p.valid_until, h.account_id
      from permit p join application_holder h on h.id = p.application_id
     where p.revoked_at is null and p.valid_until is not null;
create index permit_valid_until on permit (valid_until) where revoked_at is null and valid_until is not null;
