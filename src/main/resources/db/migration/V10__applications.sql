-- Applications (permohonan) and their append-only workflow history.
create table application (
    id                   uuid primary key,
    tracking_number      text        not null,
    service_code         text        not null,
    -- The standard version the application was filed under; its form is what was validated.
    standard_version     integer     not null,
    agency_code          text        not null,
    site_code            text        not null,
    -- A citizen's own account, or null when staff filed for a citizen identified by NIK.
    applicant_id         text,
    -- The citizen's NIK when staff filed on their behalf: encrypted, with a blind index to find it.
    applicant_nik        text,
    applicant_nik_index  text,
    -- Who filed: the citizen, the member of staff, or the integrator's API client.
    submitted_by         text        not null,
    submitter_kind       text        not null check (submitter_kind in ('CITIZEN', 'STAFF', 'INTEGRATOR')),
    nib                  text check (nib ~ '^[0-9]{13}$'),
    kbli                 text check (kbli ~ '^[0-9]{5}$'),
    form                 jsonb       not null check (jsonb_typeof(form) = 'object'),
    state                text        not null,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    submitted_at         timestamptz,
    -- SLA clock in working days at the site: started on the local date the file became complete,
    -- paused (date) while the applicant revises, deadline moved by the paused working days.
    sla_started_on       date,
    clock_paused_on      date,
    deadline             date
);
create unique index application_tracking_number on application (tracking_number);
create index application_applicant on application (applicant_id, updated_at desc, id desc) where applicant_id is not null;
create index application_submitter on application (submitted_by, updated_at desc, id desc);
create index application_agency_state on application (agency_code, state);
create index application_nik_index on application (applicant_nik_index) where applicant_nik_index is not null;

create table application_history (
    id              bigint generated always as identity primary key,
    application_id  uuid        not null references application (id),
    action          text        not null,
    from_state      text,
    to_state        text        not null,
    actor_id        text        not null,
    actor_role      text        not null,
    note            text,
    note_visibility text        not null check (note_visibility in ('PUBLIC', 'INTERNAL')),
    reason          text,
    at              timestamptz not null default now()
);
create index application_history_application on application_history (application_id, id);

-- History is evidence: once written it is never changed or removed, whatever the application code does.
create function application_history_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'application_history is append-only';
end $$;
create trigger application_history_no_update before update or delete on application_history
    for each row execute function application_history_immutable();
