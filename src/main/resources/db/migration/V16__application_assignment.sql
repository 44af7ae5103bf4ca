-- Officer assignment: the officer of the agency who handles an application now. The id is an
-- identity_user id; identity owns that table, so no foreign key crosses the feature boundary
-- (the service checks the officer when assigning).
alter table application add column assigned_to uuid;
alter table application add column assigned_at timestamptz;
-- The work queue filters an agency's applications by assignee (and "unassigned").
create index application_agency_assignee on application (agency_code, assigned_to);
-- An assignment step records whom the application went to; null when it was released.
alter table application_history add column assignee_id text;
