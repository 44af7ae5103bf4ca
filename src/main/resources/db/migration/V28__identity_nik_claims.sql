-- A NIK typed in online is a claim, checked only for its structure. It is VERIFIED once staff at a
-- counter have seen the KTP (or a Dukcapil verification adapter, where an office has one, confirms
-- it); two accounts may claim one NIK until it is settled, but only one may hold it verified. The
-- claim that lost is REJECTED: the account stays, without the NIK's standing.
alter table identity_user
    add column nik_state varchar(16) not null default 'UNVERIFIED'
        check (nik_state in ('UNVERIFIED', 'VERIFIED', 'REJECTED')),
    add column nik_verification_method varchar(16) check (nik_verification_method in ('counter', 'dukcapil', 'settlement')),
    add column nik_verified_at timestamptz,
    -- The member of staff who confirmed or settled (no foreign key: the record outlives the account).
    add column nik_verified_by uuid,
    add column nik_verified_site varchar(40),
    add column nik_rejected_at timestamptz,
    add column nik_rejected_by uuid,
    add column nik_note varchar(500),
    add constraint identity_user_nik_verified_when
        check (nik_state <> 'VERIFIED' or (nik_verified_at is not null and nik_verification_method is not null));

-- One account per NIK no longer holds at sign-up (it told strangers who has an account): one VERIFIED per NIK does.
drop index identity_user_nik_key;
create unique index identity_user_nik_verified_key on identity_user (nik_index) where nik_state = 'VERIFIED';
create index identity_user_nik_idx on identity_user (nik_index, created_at desc) where nik_index is not null;

-- What an account is told in its own /me: another account claimed its NIK, its claim was rejected.
create table identity_notice (
    id          uuid primary key default gen_random_uuid(),
    user_id     uuid not null references identity_user (id) on delete cascade,
    code        varchar(64) not null,
    created_at  timestamptz not null default now()
);
create index identity_notice_user_idx on identity_notice (user_id, created_at desc);
