-- What EventLog.append runs, as one transaction per event: the stream's advisory lock, then the
-- insert (whose triggers NOTIFY and fan out webhook deliveries). 200 application streams.
\set s random(1, 200)
begin;
select count(*) from (select pg_advisory_xact_lock(hashtextextended('application:bench-' || :s, 0))) as locked;
insert into event (stream, type, payload)
values ('application:bench-' || :s, 'application.bench',
        jsonb_build_object('trackingNumber', 'BDG-261123-BENCH' || :s, 'serviceCode', 'DPMPTSP-PBG',
                           'agencyCode', 'DPMPTSP-BDG', 'siteCode', 'MPP-BDG', 'state', 'SUBMITTED'));
commit;
