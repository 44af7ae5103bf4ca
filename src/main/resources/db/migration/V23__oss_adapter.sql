-- OSS adapter: permits that an OSS-style system pushed in (receiveNIB) and the applications they
-- opened; and webhook subscriptions that take OSS's license-status shape instead of ours.

-- Which of our services an OSS permit code (kd_izin) opens. Data, not code: an office adds its own
-- rows. The seeded ones map demo codes to the demo catalog's permits that carry a KBLI.
create table oss_permit_type (
    kd_izin      varchar(50) primary key,
    service_code text        not null,
    note         text
);
insert into oss_permit_type (kd_izin, service_code, note) values
    ('DEMO-47730-APOTEK', 'DPMPTSP-APOTEK', 'Izin apotek (KBLI 47730), demo'),
    ('DEMO-47111-SWALAYAN', 'DPMPTSP-TOKO-SWALAYAN', 'Izin usaha toko swalayan (KBLI 47111), demo'),
    ('DEMO-55110-PARIWISATA', 'DPMPTSP-USAHA-PARIWISATA', 'Tanda daftar usaha pariwisata (KBLI 551xx, 56101), demo');

-- One row per checklist item (izin) of a business (NIB): a resend of the same item finds it and
-- answers with the same application instead of opening another.
create table oss_permit (
    nib             varchar(13)  not null,
    id_izin         varchar(100) not null,
    kd_izin         varchar(50)  not null,
    id_proyek       varchar(100),
    kbli            varchar(5),
    tracking_number text         not null unique,
    client_id       uuid         not null,
    created_at      timestamptz  not null default now(),
    primary key (nib, id_izin)
);

-- 'satupintu': our event envelope (the default); 'oss-izinstatus': OSS's IZINSTATUS message, sent only
-- for state changes of applications that came in through receiveNIB.
alter table webhook_subscription
    add column format varchar(20) not null default 'satupintu' check (format in ('satupintu', 'oss-izinstatus'));

create or replace function webhook_fan_out() returns trigger language plpgsql as $$
begin
    -- Only from the object's own stream (type 'ticket.called' from 'ticket:<id>', not the
    -- 'board:<site>' copy of it), matching a pattern, and within the subscriber's binding: a field
    -- the event does not carry never matches a bound subscriber. An OSS-format subscription hears
    -- only state changes (a step with a fromState other than its state and an OSS code) of
    -- applications OSS pushed in: OSS knows no other object.
    insert into webhook_delivery (subscription_id, event_id, stream)
    select s.id, new.id, new.stream
    from webhook_subscription s
    where s.active
      and split_part(new.type, '.', 1) = split_part(new.stream, ':', 1)
      and new.type like any (s.type_patterns)
      and (s.agency_code is null or s.agency_code = new.payload ->> 'agencyCode')
      and (s.site_code is null or s.site_code = new.payload ->> 'siteCode')
      and (s.format = 'satupintu'
           or (new.payload ? 'fromState'
               and (new.payload ->> 'fromState') is distinct from (new.payload ->> 'state')
               and new.payload ->> 'ossStatusCode' is not null
               and exists (select 1 from oss_permit o where o.tracking_number = new.payload ->> 'trackingNumber')));
    return null;
end $$;
