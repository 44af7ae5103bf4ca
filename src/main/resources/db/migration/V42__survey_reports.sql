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
