-- Separation of duties: the member of staff who filed, last edited, uploaded for or submitted an
-- application on a citizen's behalf may not take its decision steps. Files staff made before this
-- column existed were prepared by the one who filed them.
alter table application add column prepared_by text;
update application set prepared_by = submitted_by where submitter_kind = 'STAFF';
