-- The ticket a counter finished last, read by the counter tablet's survey (GET /api/v1/counters/{id}/survey)
-- every few seconds per tablet: one index look-up instead of a scan of every ticket ever served.
create index queue_ticket_counter_done on queue_ticket (counter_id, finished_at desc) where status = 'DONE';
