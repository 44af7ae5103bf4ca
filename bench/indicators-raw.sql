-- The queue figures of GET /api/v1/indicators?granularity=month over a year, straight from the raw tickets:
-- what the endpoint would cost if it scanned all history on each call.
select date_trunc('month', t.local_date)::date as month, count(*) as issued,
       count(*) filter (where t.status = 'DONE') as served,
       count(*) filter (where t.status = 'NO_SHOW') as no_shows,
       avg(extract(epoch from t.called_at - t.issued_at)) filter (where t.called_at is not null) as wait_mean,
       percentile_cont(0.5) within group (order by extract(epoch from t.called_at - t.issued_at)::int)
         filter (where t.called_at is not null) as wait_median,
       percentile_cont(0.9) within group (order by extract(epoch from t.called_at - t.issued_at)::int)
         filter (where t.called_at is not null) as wait_p90
  from queue_ticket t
 where t.site_code = 'MPP-BDG' and t.local_date between (current_date - 365) and current_date
 group by 1 order by 1;
