-- Citizen notifications (issue 13 §1): a notification centre per account, the citizen's preferences per channel,
-- and one outbound send per notification and channel. Notifications are made from the events table, in the
-- transaction that writes the event (as webhook deliveries and survey invitations are), so every path that
-- changes an application, a ticket or a complaint notifies, and a change that rolls back notifies nobody.

-- What the citizen is told: a template and its arguments (tracking numbers, states, ticket numbers; never a
-- NIK, a phone number or a document), rendered in the reader's language when read or sent.
create table notification (
    id          bigserial primary key,
    account_id  uuid        not null,
    template    text        not null,
    params      jsonb       not null default '{}',
    -- The site whose time zone quiet hours are kept in; null: the default zone (WIB).
    site_code   text,
    event_id    bigint      not null,
    -- One notification per such key and account: "your turn is near" once per ticket, whatever races.
    once_key    text,
    created_at  timestamptz not null default now(),
    read_at     timestamptz
);
create index notification_account on notification (account_id, id desc);
create index notification_account_unread on notification (account_id, id desc) where read_at is null;
create unique index notification_once on notification (account_id, once_key) where once_key is not null;

-- The account's language and quiet hours (local times at the notification's site; start > end spans midnight).
create table notification_setting (
    account_id   uuid primary key,
    language     text not null default 'id' check (language in ('id', 'en')),
    quiet_start  time,
    quiet_end    time,
    updated_at   timestamptz not null default now(),
    check ((quiet_start is null) = (quiet_end is null))
);

-- One outbound channel of an account: its address (e-mail or phone) encrypted (PersonalDataProtection), and
-- whether the citizen opted out of it.
create table notification_channel (
    account_id         uuid not null,
    channel            text not null check (channel in ('EMAIL', 'SMS', 'WHATSAPP')),
    address_encrypted  text not null,
    opted_out          boolean not null default false,
    updated_at         timestamptz not null default now(),
    primary key (account_id, channel)
);

-- Every send, recorded with its channel, template and state; never the message body (nor the address).
-- Claimed under a lease with FOR UPDATE SKIP LOCKED, retried with backoff, DEAD after the last attempt.
create table notification_send (
    id               bigserial primary key,
    notification_id  bigint      not null references notification (id) on delete cascade,
    channel          text        not null check (channel in ('EMAIL', 'SMS', 'WHATSAPP')),
    template         text        not null,
    state            text        not null default 'PENDING' check (state in ('PENDING', 'SENT', 'DEAD', 'SKIPPED')),
    attempts         integer     not null default 0,
    next_attempt_at  timestamptz not null default now(),
    lease_until      timestamptz,
    last_status      integer,
    last_error       text,
    skip_reason      text,
    sent_at          timestamptz,
    created_at       timestamptz not null default now(),
    unique (notification_id, channel)
);
create index notification_send_due on notification_send (next_attempt_at, id) where state = 'PENDING';

-- Who holds the object of an event: the holder views the application, complaint and queue features publish
-- for this (as catalog publishes catalog_site_zone), so the notification trigger names no table of theirs.
-- A holder that is not an account (staff filing for a NIK, an anonymous reporter, a kiosk ticket) is null.
create view application_holder as
    select id, case when applicant_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                    then applicant_id::uuid end as account_id, site_code
    from application;
create view complaint_holder as
    select id, case when reporter_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                    then reporter_id::uuid end as account_id, site_code
    from complaint;
create view queue_ticket_holder as
    select id, case when holder_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                    then holder_id::uuid end as account_id, site_code
    from queue_ticket;

-- The notification of an event, in the event's transaction: the notification row, its sends on the channels
-- the account has and did not opt out of, and a 'notification.created' event on 'notifications:<account>' for
-- the live centre (SSE, GraphQL). That stream's prefix differs from its type's on purpose: webhook_fan_out only
-- delivers types whose prefix is their stream's, so a citizen's notifications never reach an integrator.
create function notification_from_event() returns trigger language plpgsql as $$
declare
    kind    text := split_part(new.stream, ':', 1);
    object  uuid;
    account uuid;
    site    text;
    tmpl    text;
    args    jsonb;
    once    text;
    made    notification%rowtype;
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
        elsif kind = 'ticket' then
            select h.account_id, h.site_code into account, site from queue_ticket_holder h where h.id = object;
            tmpl := 'turn-near';
            args := jsonb_build_object('number', new.payload ->> 'number', 'position', new.payload -> 'position');
            once := 'turn-near:' || object;
        end if;
        if account is null then
            return null;
        end if;
        insert into notification (account_id, template, params, site_code, event_id, once_key)
        values (account, tmpl, args, coalesce(site, new.payload ->> 'siteCode'), new.id, once)
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
    exception when others then
        -- A notification must never undo the change it tells of: the change stands, the notice is lost (and said so).
        raise warning 'notification for % (%) not made: %', new.stream, new.type, sqlerrm;
    end;
    return null;
end $$;

create trigger notification_from_event after insert on event for each row
    when ((new.stream like 'application:%' and new.type like 'application.%' and new.payload ? 'fromState'
           and (new.payload ->> 'fromState') is distinct from (new.payload ->> 'state'))
       or (new.stream like 'complaint:%' and new.type = 'complaint.answer')
       or (new.stream like 'ticket:%' and new.type = 'ticket.near'))
    execute function notification_from_event();

-- The queue's "your turn is near", once per ticket, recorded in a table of its own rather than on the ticket row:
-- marking the ticket row locked it, and call-next (FOR UPDATE SKIP LOCKED) then skipped a ticket that was only
-- being told, calling a later one first. An insert here locks no ticket; two calls racing to tell the same
-- ticket meet on the primary key, and one of them tells it.
create table queue_ticket_near (
    ticket_id  uuid primary key references queue_ticket (id) on delete cascade,
    position   integer     not null,
    told_at    timestamptz not null default now()
);
insert into queue_ticket_near (ticket_id, position, told_at)
    select id, 0, near_notified_at from queue_ticket where near_notified_at is not null;
alter table queue_ticket drop column near_notified_at;
