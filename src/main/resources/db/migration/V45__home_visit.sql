-- Home visits (jemput bola): an agency's team goes to a citizen who cannot come to the site. Whether a
-- service may be served so is a component of its standard (homeVisit in the standard's document), so it
-- is versioned and published with the rest of the standard; these tables hold the requests and the days.

-- A visit day: one team of an agency out on one working day of the site, taking at most capacity visits.
-- booked is the count of requests scheduled into the day; the scheduling statement raises it only while
-- it is below capacity, so two supervisors scheduling at once cannot overfill a day.
create table home_visit_day (
    id           uuid        primary key,
    agency_code  text        not null,
    site_code    text        not null references site (code),
    visit_date   date        not null,
    team         text        not null,
    -- Staff accounts (token subjects) on the team: they see the visited citizen's data in full.
    members      text[]      not null,
    capacity     integer     not null check (capacity between 1 and 100),
    booked       integer     not null default 0 check (booked >= 0 and booked <= capacity),
    created_by   text        not null,
    created_at   timestamptz not null default now(),
    constraint home_visit_day_one_team_a_day unique (agency_code, site_code, visit_date, team)
);

create table home_visit (
    id                   uuid        primary key,
    service_code         text        not null,
    agency_code          text        not null,
    site_code            text        not null references site (code),
    -- The account that asked: the citizen, a family member or a village officer on their behalf.
    requester_id         text        not null,
    relation             text        not null,
    category             text        not null,
    reason               text        not null,
    -- Personal data, encrypted (platform/privacy): the visited citizen's NIK, the address with its
    -- coordinates, the contact's phone. The blind index finds a NIK's open requests without decrypting.
    nik                  text        not null,
    nik_index            text        not null,
    address              text        not null,
    phone                text        not null,
    -- Area names, kept readable: the supervisor's list is filtered and grouped by them.
    kecamatan            text        not null,
    kelurahan            text        not null,
    preferred_days       text[]      not null,
    state                text        not null,
    visit_day_id         uuid        references home_visit_day (id),
    window_start         time,
    window_end           time,
    outcome_reason       text,
    application_tracking text,
    requested_on         date        not null,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now()
);

create index home_visit_agency_area on home_visit (agency_code, kecamatan, kelurahan, created_at);
create index home_visit_requester on home_visit (requester_id, created_at);
create index home_visit_day_visits on home_visit (visit_day_id);
-- One open request per citizen and service: a second one while the first is pending is a mistake.
create unique index home_visit_one_open on home_visit (nik_index, service_code)
    where state not in ('DONE', 'FAILED', 'CANCELLED');
create index home_visit_day_agency on home_visit_day (agency_code, visit_date);
