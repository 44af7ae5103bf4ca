-- Permits (izin) issued when an application of a PERIZINAN service reaches PERMIT_ISSUED.
create table permit (
    id                  uuid primary key,
    -- Human number: <site>.<service>.<year>.<sequence per agency and year>; never reused.
    number              text        not null unique,
    application_id      uuid        not null unique references application (id),
    agency_code         text        not null,
    site_code           text        not null,
    service_code        text        not null,
    basis               text        not null check (basis in ('DECISION', 'DEEMED_APPROVAL')),
    issued_on           date        not null,
    -- Null: the permit does not expire (the standard has no validity period).
    valid_until         date,
    -- Random, URL-safe code printed as a QR code; the only key of the public verification.
    verification_code   text        not null unique,
    issued_at           timestamptz not null default now(),
    revoked_at          timestamptz,
    revoked_by          text,
    revocation_reason   text,
    check ((revoked_at is null) = (revocation_reason is null))
);

-- The last permit sequence taken per agency and year; incremented under the row lock of an upsert,
-- so concurrent issuers never share a number.
create table permit_sequence (
    agency_code  text    not null,
    year         integer not null,
    last_number  integer not null,
    primary key (agency_code, year)
);
