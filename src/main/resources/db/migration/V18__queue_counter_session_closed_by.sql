-- Who ended a counter session: the member of staff who closed it, or 'end-of-day' when the
-- scheduled job closed a session still open (or paused) at the site's closing time.
alter table queue_counter_session add column closed_by text;
update queue_counter_session set closed_by = staff_id where closed_at is not null;
