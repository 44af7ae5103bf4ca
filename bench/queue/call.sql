-- pgbench: the statements CallService runs for call-next (and its "your turn is near" notice) and for
-- sending the ticket back to the queue, in the same order and transactions. Client n is counter n + 1.
\set n :client_id + 1
begin;
select c.id as counter, c.site_code, c.number, c.name, c.lane_ids as lanes, c.status, c.pause_reason, c.staff_id,
  c.priority_streak as streak, array(select l.prefix from queue_lane l where l.id = any(c.lane_ids) order by l.prefix)
  as lane_prefixes from queue_counter c where c.site_code = :site and c.number = :n for update of c \gset
select number from queue_ticket where counter_id = :counter and status in ('CALLED', 'SERVING') limit 1;
select t.id as ticket from queue_ticket t where t.status = 'WAITING'
  and ((t.lane_id = any(:lanes::uuid[]) and t.target_counter_id is null) or t.target_counter_id = :counter)
  order by (t.target_counter_id is not null) desc, (t.booked_for is not null and t.booked_for <= now()) desc,
  ((t.priority <> 'NONE') = (:streak < 3)) desc, t.issued_at, t.id
  limit 1 for update skip locked \gset
update queue_ticket set status = 'CALLED', counter_id = :counter, target_counter_id = null, called_at = now(),
  call_count = call_count + 1 where id = :ticket returning priority, coalesce(booked_for <= now(), false) as due \gset
update queue_counter set priority_streak = case when :due then priority_streak when :priority <> 'NONE'
  then priority_streak + 1 else 0 end
  where id = :counter;
select t.id, t.site_code, t.lane_id, l.prefix, t.service_code, t.number, t.channel, t.priority, t.vehicle_plate,
  t.holder_id, t.issued_by, t.status, t.issued_at, t.counter_id, c.number as counter_number, c.name as counter_name,
  t.target_counter_id, t.called_at, t.call_count, t.started_at, t.finished_at, t.booked_for from queue_ticket t
  join queue_lane l on l.id = t.lane_id left join queue_counter c on c.id = t.counter_id where t.id = :ticket \gset t_
insert into event (stream, type, payload) select 'ticket:' || :ticket, 'ticket.called', jsonb_build_object('ticketId',
  :ticket::text, 'number', :t_number::text, 'siteCode', :site::text, 'lane', :t_prefix::text, 'serviceCode', :t_service_code::text, 'status', 'CALLED', 'priority',
  false, 'counterNumber', :t_counter_number::int, 'counterName', :t_counter_name::text)
  from (select count(*) from (select pg_advisory_xact_lock(hashtextextended('ticket:' || :ticket, 0))) as lock) as locked returning id;
insert into event (stream, type, payload) select 'board:' || :site, 'ticket.called', jsonb_build_object('ticketId',
  :ticket::text, 'number', :t_number::text, 'siteCode', :site::text, 'lane', :t_prefix::text, 'serviceCode', :t_service_code::text, 'status', 'CALLED', 'priority',
  false, 'counterNumber', :t_counter_number::int, 'counterName', :t_counter_name::text)
  from (select count(*) from (select pg_advisory_xact_lock(hashtextextended('board:' || :site, 0))) as lock) as locked returning id;
commit;
begin;
update queue_ticket set near_notified_at = now() where id = (select t.id from queue_ticket t where t.status = 'WAITING'
  and t.lane_id = :t_lane_id and t.target_counter_id is null order by (t.priority <> 'NONE') desc, t.issued_at, t.id
  offset 2 limit 1) and status = 'WAITING' and near_notified_at is null returning id;
commit;
begin;
select t.id, t.site_code, t.lane_id, l.prefix, t.service_code, t.number, t.channel, t.priority, t.vehicle_plate,
  t.holder_id, t.issued_by, t.status, t.issued_at, t.counter_id, c.number as counter_number, c.name as counter_name,
  t.target_counter_id, t.called_at, t.call_count, t.started_at, t.finished_at, t.booked_for from queue_ticket t
  join queue_lane l on l.id = t.lane_id left join queue_counter c on c.id = t.counter_id where t.id = :ticket
  for update of t;
select c.id, c.site_code, c.number, c.name, c.lane_ids, c.status, c.pause_reason, c.staff_id, c.priority_streak,
  array(select l.prefix from queue_lane l where l.id = any(c.lane_ids) order by l.prefix) as lane_prefixes
  from queue_counter c where c.id = :counter;
update queue_ticket set status = 'WAITING', counter_id = null, started_at = null where id = :ticket;
select t.id, t.site_code, t.lane_id, l.prefix, t.service_code, t.number, t.channel, t.priority, t.vehicle_plate,
  t.holder_id, t.issued_by, t.status, t.issued_at, t.counter_id, c.number as counter_number, c.name as counter_name,
  t.target_counter_id, t.called_at, t.call_count, t.started_at, t.finished_at, t.booked_for from queue_ticket t
  join queue_lane l on l.id = t.lane_id left join queue_counter c on c.id = t.counter_id where t.id = :ticket;
insert into event (stream, type, payload) select 'ticket:' || :ticket, 'ticket.returned', jsonb_build_object('ticketId',
  :ticket::text, 'number', :t_number::text, 'siteCode', :site::text, 'lane', :t_prefix::text, 'serviceCode', :t_service_code::text, 'status', 'WAITING', 'priority',
  false)
  from (select count(*) from (select pg_advisory_xact_lock(hashtextextended('ticket:' || :ticket, 0))) as lock) as locked returning id;
insert into event (stream, type, payload) select 'board:' || :site, 'ticket.returned', jsonb_build_object('ticketId',
  :ticket::text, 'number', :t_number::text, 'siteCode', :site::text, 'lane', :t_prefix::text, 'serviceCode', :t_service_code::text, 'status', 'WAITING', 'priority',
  false)
  from (select count(*) from (select pg_advisory_xact_lock(hashtextextended('board:' || :site, 0))) as lock) as locked returning id;
commit;
