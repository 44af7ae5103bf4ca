-- A priority asked for from a phone is a claim until staff or a kiosk at the site confirm it; until then the
-- ticket waits in the normal order. Tickets issued at the site (and all before this) are confirmed.
alter table queue_ticket add column priority_claimed boolean not null default false;
