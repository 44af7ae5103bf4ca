-- What the SLA watch has already announced, so every replica announces it once.
alter table application add column sla_warned_at timestamptz;
alter table application add column sla_breached_at timestamptz;
-- The watch looks only at applications whose clock runs.
create index application_running_deadline on application (deadline)
    where state in ('SUBMITTED', 'IN_VERIFICATION', 'IN_TECHNICAL_REVIEW');
