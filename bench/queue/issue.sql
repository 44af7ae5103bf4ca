-- pgbench: the statements TicketService.issue runs for a kiosk ticket, in the same order and transactions.
-- The site read (Hibernate, before the transaction).
select s.id, s.code, s.kind, s.name, s.time_zone, s.opening_hours from site s where s.code = :site;
begin;
select id as lane_id, site_code as lane_site, prefix as lane_prefix, daily_quota as lane_quota from queue_lane
  where site_code = :site and :service = any(service_codes) order by prefix limit 1 \gset
with number as (insert into queue_number (lane_id, local_date, last) values (:lane_id, (now() at time zone :zone)::date, 1)
  on conflict (lane_id, local_date) do update set last = queue_number.last + 1 returning last),
t as (insert into queue_ticket (site_code, lane_id, number_lane_id, service_code, local_date, sequence, number, channel,
  priority, vehicle_plate, holder_id, issued_by, status, booked_for)
  select :site, :lane_id, :lane_id, :service, (now() at time zone :zone)::date, last,
  :lane_prefix || '-' || lpad(last::text, greatest(3, length(last::text)), '0'), 'KIOSK', 'NONE', null, null, :issuer,
  'WAITING', null from number returning *)
select t.id as ticket, t.site_code, t.lane_id, :lane_prefix as prefix, t.service_code, t.number, t.channel, t.priority,
  t.vehicle_plate, t.holder_id, t.issued_by, t.status, t.issued_at, t.counter_id, null::integer as counter_number,
  null::text as counter_name, t.target_counter_id, t.called_at, t.call_count, t.started_at, t.finished_at, t.booked_for,
  t.sequence from t \gset
insert into event (stream, type, payload) select 'ticket:' || :ticket, 'ticket.issued', jsonb_build_object('ticketId',
  :ticket::text, 'number', :number::text, 'siteCode', :site::text, 'lane', :lane_prefix::text, 'serviceCode', :service::text, 'status', 'WAITING', 'priority', false)
  from (select count(*) from (select pg_advisory_xact_lock(hashtextextended('ticket:' || :ticket, 0))) as lock) as locked returning id;
insert into event (stream, type, payload) select 'board:' || :site, 'ticket.issued', jsonb_build_object('ticketId',
  :ticket::text, 'number', :number::text, 'siteCode', :site::text, 'lane', :lane_prefix::text, 'serviceCode', :service::text, 'status', 'WAITING', 'priority', false)
  from (select count(*) from (select pg_advisory_xact_lock(hashtextextended('board:' || :site, 0))) as lock) as locked returning id;
commit;
-- The answer's position and estimated wait (TicketService.view), after the transaction.
select (select count(*) from queue_ticket w where w.lane_id = :lane_id and w.status = 'WAITING'
    and w.target_counter_id is null and w.id <> :ticket and (case when false
    then w.priority <> 'NONE' and w.issued_at < :issued_at::timestamptz else w.priority <> 'NONE' or w.issued_at < :issued_at::timestamptz end)) as ahead,
  (select avg(extract(epoch from s.finished_at - s.started_at)) from (select finished_at, started_at
    from queue_ticket where lane_id = :lane_id and status = 'DONE' and started_at is not null
    order by finished_at desc limit 20) s) as average_seconds,
  (select count(*) from queue_counter where status = 'OPEN' and :lane_id = any(lane_ids)) as open_counters;
