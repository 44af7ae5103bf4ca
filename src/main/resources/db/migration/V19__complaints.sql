-- Complaints (pengaduan, aspirasi, permintaan informasi), their append-only history, attachments,
-- the deadline breaches the supervisor report counts, and the submission rate limit.

-- Complaint categories: reference data every office uses (the Open311 "services" derive from it).
create table complaint_category (
    code           text primary key check (code ~ '^[A-Z0-9][A-Z0-9-]{1,39}$'),
    name_id        text    not null,
    name_en        text    not null,
    description_id text    not null,
    description_en text    not null,
    -- Which kinds the category fits (PENGADUAN, ASPIRASI, INFORMATION_REQUEST).
    kinds          text[]  not null,
    -- Extra questions per category: [{code, datatype, required, descriptionId, descriptionEn, values}].
    attributes     jsonb   not null default '[]' check (jsonb_typeof(attributes) = 'array'),
    sort_order     integer not null,
    active         boolean not null default true
);

create table complaint (
    id                    uuid primary key,
    -- The human code on receipts and in the app: e.g. ADU-7KQ4-MX2H.
    tracking_code         text        not null unique,
    kind                  text        not null check (kind in ('PENGADUAN', 'ASPIRASI', 'INFORMATION_REQUEST')),
    category_code         text        not null references complaint_category (code),
    reporter_mode         text        not null check (reporter_mode in ('IDENTIFIED', 'CONFIDENTIAL', 'ANONYMOUS')),
    -- The citizen's account; null for an anonymous reporter (nothing identifying is kept).
    reporter_id           text,
    -- The API client that filed it (Open311 apps, integrators), if any.
    filed_by_client       text,
    -- Contact given by the reporter: encrypted (PersonalDataProtection); never for ANONYMOUS.
    contact_name          text,
    contact_email         text,
    contact_phone         text,
    -- An anonymous reporter follows with the code and a secret shown once: only its SHA-256 is kept.
    secret_hash           text,
    site_code             text        not null,
    -- The agency the reporter named (a link); the one handling it is forwarded_to.
    agency_code           text,
    forwarded_to          text,
    service_code          text,
    application_number    text,
    ticket_id             uuid,
    title                 text,
    description           text        not null,
    latitude              double precision check (latitude between -90 and 90),
    longitude             double precision check (longitude between -180 and 180),
    address               text,
    media_url             text,
    attributes            jsonb       not null default '{}' check (jsonb_typeof(attributes) = 'object'),
    state                 text        not null,
    reject_reason         text check (reject_reason in ('SPAM', 'OUT_OF_SCOPE', 'DUPLICATE')),
    -- SHA-256 of the normalised text and who sent it, to recognise a repeat within a short window.
    content_hash          text        not null,
    -- Deadlines in working days at the site: verification+forwarding, then the agency's follow-up.
    verify_due            date,
    follow_up_due         date,
    -- The deadline currently running and what the watch has announced about it.
    due_on                date,
    due_soon_at           timestamptz,
    late_at               timestamptz,
    reopen_count          integer     not null default 0,
    -- When it was last answered/resolved/closed: the reopen window counts from here.
    settled_at            timestamptz,
    rating                integer check (rating between 1 and 5),
    created_at            timestamptz not null default now(),
    updated_at            timestamptz not null default now(),
    check (reporter_mode <> 'ANONYMOUS' or (reporter_id is null and contact_name is null
        and contact_email is null and contact_phone is null and application_number is null and ticket_id is null))
);
create index complaint_reporter on complaint (reporter_id, updated_at desc, id desc) where reporter_id is not null;
create index complaint_site_state on complaint (site_code, state, created_at);
create index complaint_forwarded_state on complaint (forwarded_to, state) where forwarded_to is not null;
create index complaint_due on complaint (due_on) where due_on is not null and late_at is null;
create index complaint_content_hash on complaint (content_hash, created_at desc);
create index complaint_created on complaint (created_at, id);

create table complaint_history (
    id            bigint generated always as identity primary key,
    complaint_id  uuid        not null references complaint (id),
    -- A workflow action (verify, forward, ...) or respond / note / reply.
    action        text        not null,
    from_state    text,
    to_state      text        not null,
    actor_id      text        not null,
    actor_role    text        not null,
    agency_code   text,
    note          text,
    visibility    text        not null check (visibility in ('PUBLIC', 'INTERNAL')),
    reason        text,
    at            timestamptz not null default now()
);
create index complaint_history_complaint on complaint_history (complaint_id, id);

-- History is evidence: once written it is never changed or removed.
create function complaint_history_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'complaint_history is append-only';
end $$;
create trigger complaint_history_no_update before update or delete on complaint_history
    for each row execute function complaint_history_immutable();

create table complaint_attachment (
    complaint_id uuid        not null references complaint (id),
    number       integer     not null check (number between 1 and 20),
    format       text        not null check (format in ('PDF', 'JPEG', 'PNG')),
    size_bytes   integer     not null check (size_bytes > 0),
    sha256       text        not null check (sha256 ~ '^[0-9a-f]{64}$'),
    uploaded_at  timestamptz not null,
    content      bytea       not null,
    primary key (complaint_id, number)
);

-- Each missed deadline, kept even after the complaint moves on: the supervisor's report counts them per agency.
create table complaint_breach (
    complaint_id uuid        not null references complaint (id),
    stage        text        not null check (stage in ('VERIFY', 'FOLLOW_UP')),
    due_on       date        not null,
    site_code    text        not null,
    -- The agency that held the complaint; null for the verification stage (the site's own desk).
    agency_code  text,
    flagged_at   timestamptz not null,
    primary key (complaint_id, stage, due_on)
);
create index complaint_breach_site on complaint_breach (site_code, flagged_at);

-- Fixed-window counters of public submissions per client address / API client, shared by every replica.
create table complaint_rate_limit (
    key          text        not null,
    window_start timestamptz not null,
    hits         integer     not null,
    primary key (key, window_start)
);

insert into complaint_category (code, name_id, name_en, description_id, description_en, kinds, attributes, sort_order) values
('PUNGLI', 'Pungutan liar', 'Unofficial fees',
 'Permintaan uang, imbalan, atau biaya di luar tarif resmi standar pelayanan.',
 'A request for money, a reward or a fee beyond the official tariff of the service standard.',
 '{PENGADUAN}',
 '[{"code":"amount","datatype":"number","required":false,"descriptionId":"Jumlah yang diminta (rupiah)","descriptionEn":"Amount asked for (rupiah)"},
   {"code":"occurred_on","datatype":"datetime","required":false,"descriptionId":"Waktu kejadian","descriptionEn":"When it happened"}]',
 10),
('PELAYANAN-LAMBAT', 'Pelayanan lambat', 'Slow service',
 'Penyelesaian melewati waktu yang dijanjikan standar pelayanan.',
 'Completion later than the time promised by the service standard.',
 '{PENGADUAN}',
 '[{"code":"tracking_number","datatype":"string","required":false,"descriptionId":"Nomor permohonan, jika ada","descriptionEn":"Application tracking number, if any"}]',
 20),
('PETUGAS', 'Sikap petugas', 'Staff conduct',
 'Petugas tidak ramah, tidak sopan, atau tidak membantu.',
 'Staff unfriendly, impolite or unhelpful.',
 '{PENGADUAN}', '[]', 30),
('PERSYARATAN', 'Persyaratan tidak jelas', 'Unclear requirements',
 'Persyaratan yang diminta berbeda dari yang diumumkan atau tidak jelas.',
 'Requirements asked differ from the published ones or are unclear.',
 '{PENGADUAN,INFORMATION_REQUEST}', '[]', 40),
('ANTREAN', 'Antrean', 'Queue',
 'Antrean terlalu lama, nomor antrean dilewati, atau loket tidak dibuka.',
 'Waiting too long, a ticket skipped, or counters not open.',
 '{PENGADUAN}',
 '[{"code":"ticket_number","datatype":"string","required":false,"descriptionId":"Nomor antrean, jika ada","descriptionEn":"Queue ticket number, if any"}]',
 50),
('SISTEM', 'Gangguan sistem', 'System failure',
 'Aplikasi, situs, atau sistem daring tidak dapat digunakan.',
 'The app, website or online system cannot be used.',
 '{PENGADUAN}', '[]', 60),
('SARANA', 'Sarana dan prasarana', 'Facilities',
 'Ruang tunggu, toilet, parkir, akses disabilitas, dan fasilitas lain.',
 'Waiting room, toilets, parking, disability access and other facilities.',
 '{PENGADUAN,ASPIRASI}', '[]', 70),
('SARAN', 'Saran dan masukan', 'Suggestion',
 'Usulan perbaikan pelayanan.',
 'A proposal to improve the service.',
 '{ASPIRASI}', '[]', 80),
('INFORMASI', 'Permintaan informasi', 'Information request',
 'Pertanyaan tentang layanan, persyaratan, biaya, atau status.',
 'A question about services, requirements, fees or status.',
 '{INFORMATION_REQUEST}', '[]', 90),
('LAINNYA', 'Lainnya', 'Other',
 'Hal lain yang tidak termasuk kategori di atas.',
 'Anything not covered by the categories above.',
 '{PENGADUAN,ASPIRASI,INFORMATION_REQUEST}', '[]', 100);
