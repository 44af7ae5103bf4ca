-- Reports the office publishes (issue 12 §2): moderated suggestions.
-- A suggestion without a row here is PENDING: nothing is published until a supervisor of the site (or an admin)
-- decides. published_text is the copy stripped of personal data (NIK, phone, e-mail); the original stays in
-- survey_response.suggestion and is only ever shown to the site's supervisors.
create table survey_suggestion (
    invitation_id  uuid primary key references survey_response (invitation_id),
    state          text        not null check (state in ('PUBLISHED', 'HIDDEN')),
    published_text text,
    decided_by     text        not null,
    decided_at     timestamptz not null,
    check ((state = 'PUBLISHED') = (published_text is not null))
);

-- The follow-up plan (rencana tindak lanjut) of a site's survey period. The period is a free from/to of local
-- dates because PermenPANRB 14/2017 asks for a survey "at least once a year" without fixing its length: a year,
-- a semester or a quarter are all in use, and the plan must match the period of the report it answers.
-- version is the optimistic lock: every write names the version it read, and of two racing writes one updates
-- no row (409). published_items is the copy the public report shows: editing after publishing leaves it alone
-- until it is published again.
create table survey_follow_up_plan (
    site_code       text        not null,
    period_from     date        not null,
    period_to       date        not null check (period_to >= period_from),
    items           jsonb       not null,
    version         integer     not null,
    updated_by      text        not null,
    updated_at      timestamptz not null,
    published_items jsonb,
    published_version integer,
    published_at    timestamptz,
    primary key (site_code, period_from, period_to)
);
