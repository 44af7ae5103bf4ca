-- Satisfaction survey (SKM, PermenPANRB 14/2017): one invitation per transaction (a ticket, an application,
-- a complaint) and at most one response to it.
-- The tokens handed out, by their hash: written by the views that show a token (a ticket's, an application's, a
-- complaint's), before anyone can hold it, and never by the transactions that end a service, so a view made
-- inside such a transaction never waits on a row it has itself locked. The token itself is derived (SurveyTokens).
create table survey_token (
    token_hash     text primary key,
    kind           text        not null check (kind in ('TICKET', 'APPLICATION', 'COMPLAINT')),
    transaction_id uuid        not null,
    site_code      text,
    agency_code    text,
    service_code   text,
    created_at     timestamptz not null default now()
);
create index survey_token_transaction on survey_token (transaction_id);

-- One invitation per ended transaction (a transaction that has not ended has a token at most: PENDING).
create table survey_invitation (
    id             uuid primary key default gen_random_uuid(),
    kind           text        not null check (kind in ('TICKET', 'APPLICATION', 'COMPLAINT')),
    transaction_id uuid        not null,
    site_code      text,
    agency_code    text,
    service_code   text,
    -- The counter that ended a ticket: the counter tablet shows that ticket's survey.
    counter_id     uuid,
    -- EXPIRED is not stored: it is OPEN past ended_at + satupintu.survey.expires-after-days.
    state          text        not null default 'OPEN' check (state in ('OPEN', 'ANSWERED')),
    ended_at       timestamptz not null,
    unique (kind, transaction_id)
);
create index survey_invitation_site_ended on survey_invitation (site_code, ended_at);
create index survey_invitation_counter on survey_invitation (counter_id, ended_at desc) where counter_id is not null;

-- The primary key is the rule "one response per transaction": of two answers racing, one insert fails.
create table survey_response (
    invitation_id uuid primary key references survey_invitation (id),
    answered_at   timestamptz not null,
    -- 'anonymous', 'citizen' or 'device:<client id>': how it came, never who answered.
    answered_via  text        not null,
    u1 smallint not null check (u1 between 1 and 4),
    u2 smallint not null check (u2 between 1 and 4),
    u3 smallint not null check (u3 between 1 and 4),
    u4 smallint not null check (u4 between 1 and 4),
    u5 smallint not null check (u5 between 1 and 4),
    u6 smallint not null check (u6 between 1 and 4),
    u7 smallint not null check (u7 between 1 and 4),
    u8 smallint not null check (u8 between 1 and 4),
    u9 smallint not null check (u9 between 1 and 4),
    sex           text check (sex in ('L', 'P')),
    age           smallint check (age between 10 and 120),
    education     text,
    occupation    text,
    suggestion    text
);

-- A transaction's end opens its invitation, in the transaction that ends it, from the event it writes (as the
-- webhook deliveries are made): whatever path ends it (a counter, a decision, the deemed-approval job, the
-- reporter closing), the invitation cannot be missed or made for a change that rolled back.
create function survey_invitation_open() returns trigger language plpgsql as $$
declare
    k text;
begin
    k := case split_part(new.stream, ':', 1) when 'ticket' then 'TICKET' when 'application' then 'APPLICATION'
         else 'COMPLAINT' end;
    begin
        insert into survey_invitation (kind, transaction_id, site_code, agency_code, service_code, counter_id,
                                       ended_at)
        values (k, split_part(new.stream, ':', 2)::uuid, new.payload ->> 'siteCode',
                coalesce(new.payload ->> 'agencyCode',
                         (select agency_code from catalog_service_agency where code = new.payload ->> 'serviceCode')),
                new.payload ->> 'serviceCode', (new.payload ->> 'counterId')::uuid,
                coalesce((new.payload ->> 'at')::timestamptz, new.created_at))
        -- A complaint closed again after reopening keeps its first end (and its one survey).
        on conflict (kind, transaction_id) do nothing;
    exception when others then
        -- A survey must never undo the service it asks about: the end stands, the invitation is lost (and said so).
        raise warning 'survey invitation for % (%) not opened: %', new.stream, new.type, sqlerrm;
    end;
    return null;
end $$;

create trigger survey_invitation_open after insert on event for each row
    when ((new.type in ('ticket.done', 'ticket.no-show') and new.stream like 'ticket:%')
       or (new.type in ('application.issue-permit', 'application.reject', 'application.withdraw')
           and new.stream like 'application:%')
       or (new.type in ('complaint.close', 'complaint.reject') and new.stream like 'complaint:%'))
    execute function survey_invitation_open();
