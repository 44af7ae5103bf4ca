#!/usr/bin/env bash
# Indicators benchmark (issue 12 §3): GET /api/v1/indicators over a year of one site's activity, beside the raw
# SQL computing the same queue figures (monthly counts, mean, median and p90 wait) over the raw tickets.
#
# What it does:
#   1. builds target/quarkus-app/quarkus-run.jar when it is missing or older than the sources;
#   2. recreates $BENCH_DB, starts the service (prod profile, demo office), seeds with SQL a year of MPP-BDG:
#      $BENCH_TICKETS_PER_DAY tickets a day (served, no-shows, priority ones), $BENCH_APPS_PER_DAY applications a
#      day filed and decided, and their history; marks the past days closed as the queue's end of day does; then
#      waits for the indicator job (first run 2 minutes after start) to store the daily figures;
#   3. times the endpoint ($REQUESTS requests, granularity month, the whole year: the median of curl's total
#      time) beside pgbench running bench/indicators-raw.sql ($REQUESTS transactions, latency average), and
#      prints both, their ratio, and the figure both give (July's median wait) to show they agree.
# Usage: bench/indicators.sh   (defaults: REQUESTS=20 BENCH_TICKETS_PER_DAY=400 BENCH_APPS_PER_DAY=40
#        BENCH_PORT=8103 BENCH_MGMT_PORT=9103 BENCH_DB=satupintu_bench_ind)
# Results also go to target/bench-indicators.txt.
set -euo pipefail
cd "$(dirname "$0")/.."

REQUESTS=${REQUESTS:-20}
TPD=${BENCH_TICKETS_PER_DAY:-400}
APD=${BENCH_APPS_PER_DAY:-40}
PORT=${BENCH_PORT:-8103}
MGMT=${BENCH_MGMT_PORT:-9103}
DB=${BENCH_DB:-satupintu_bench_ind}
WORK=target/bench-indicators
OUT=target/bench-indicators.txt
export PGHOST=127.0.0.1 PGPORT=5432 PGUSER=satupintu PGPASSWORD=satupintu PGDATABASE=$DB

say() { printf '[bench] %s\n' "$*" >&2; }
for tool in curl jq pgbench psql; do command -v $tool >/dev/null || { say "$tool is missing"; exit 1; }; done
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", (b > 0 ? a / b : 0)}'; }

JAR=target/quarkus-app/quarkus-run.jar
if [ ! -f "$JAR" ] || [ -n "$(find src pom.xml -newer "$JAR" -print -quit)" ]; then
  say "building $JAR"
  ./mvnw -B -q package -DskipTests
fi

bin/ensure-postgres "$DB" >/dev/null
psql -q -d postgres -c "drop database if exists \"$DB\" with (force)" -c "create database \"$DB\""
mkdir -p "$WORK"
export QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://127.0.0.1:5432/$DB
export QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB
export QUARKUS_DATASOURCE_USERNAME=satupintu QUARKUS_DATASOURCE_PASSWORD=satupintu
export QUARKUS_HTTP_PORT=$PORT QUARKUS_MANAGEMENT_PORT=$MGMT SATUPINTU_DEMO_DATA=true SATUPINTU_JWT_GENERATE_KEYS=true
export SATUPINTU_PII_ENCRYPTION_KEY=$(head -c 32 /dev/urandom | base64) SATUPINTU_PII_INDEX_KEY=$(head -c 32 /dev/urandom | base64)
export SATUPINTU_SURVEY_TOKEN_KEY=$(head -c 32 /dev/urandom | base64) QUARKUS_LOG_LEVEL=WARN
export SATUPINTU_INDICATORS_MATERIALIZE_EVERY=10s
java ${JAVA_OPTS:-} -jar "$JAR" >"$WORK/service.log" 2>&1 &
SERVICE_PID=$!
trap 'kill $SERVICE_PID 2>/dev/null || true; wait $SERVICE_PID 2>/dev/null || true' EXIT
until curl -fs "localhost:$MGMT/q/health/ready" >/dev/null 2>&1; do
  kill -0 $SERVICE_PID 2>/dev/null || { say "service died; see $WORK/service.log"; exit 1; }
  sleep 1
done
say "service ready (pid $SERVICE_PID); seeding a year of MPP-BDG"

psql -q -v ON_ERROR_STOP=1 -v tpd="$TPD" -v apd="$APD" <<'SQL'
-- Tickets: a year of days before today (Jakarta), :tpd a day on the site's first lane, issued 08:00-16:00;
-- 85 % served, 10 % no-shows, 5 % closed uncalled; one in ten a priority ticket; waits 1-40 minutes.
with lane as (select id, site_code, service_codes[1] as service from queue_lane where site_code = 'MPP-BDG'
              order by prefix limit 1),
days as (select (now() at time zone 'Asia/Jakarta')::date - d as day from generate_series(1, 365) d),
raw as (select l.id as lane, l.site_code, l.service, days.day, s as seq,
               (days.day + time '08:00' + make_interval(secs => (random() * 28800)::int)) at time zone 'Asia/Jakarta' as issued,
               random() as fate, (60 + random() * 2340)::int as wait, (60 + random() * 900)::int as service_time
          from lane l, days, generate_series(1, :tpd) s)
insert into queue_ticket (site_code, lane_id, number_lane_id, service_code, local_date, sequence, number, channel,
                          priority, issued_by, status, issued_at, called_at, started_at, finished_at)
select site_code, lane, lane, service, day, seq, 'A-' || lpad(seq::text, 3, '0'),
       (array['KIOSK', 'PHONE', 'COUNTER', 'KIOSK', 'DRIVE_THRU'])[1 + seq % 5],
       case when seq % 10 = 0 then 'ELDERLY' else 'NONE' end, 'bench',
       case when fate < 0.85 then 'DONE' when fate < 0.95 then 'NO_SHOW' else 'CLOSED' end,
       issued,
       case when fate < 0.95 then issued + make_interval(secs => wait) end,
       case when fate < 0.85 then issued + make_interval(secs => wait) end,
       case when fate < 0.95 then issued + make_interval(secs => wait + case when fate < 0.85 then service_time else 0 end)
            else issued + interval '12 hours' end
  from raw;
insert into queue_number (lane_id, local_date, last)
select lane_id, local_date, max(sequence) from queue_ticket group by 1, 2 on conflict do nothing;
-- As the queue's end of day leaves them: every past day closed.
insert into queue_day_closed (site_code, local_date, closed_at)
select distinct site_code, local_date, now() from queue_ticket on conflict do nothing;

-- Applications: :apd a day, each filed and, 1-10 days later, approved, rejected or deemed approved.
with svc as (select code, agency_code from catalog_service_agency order by code limit 1),
days as (select (now() at time zone 'Asia/Jakarta')::date - d as day from generate_series(8, 372) d),
raw as (select gen_random_uuid() as id, svc.code, svc.agency_code, days.day, s,
               (days.day + time '09:00') at time zone 'Asia/Jakarta' as filed, 1 + (random() * 9)::int as took,
               random() as fate
          from svc, days, generate_series(1, :apd) s),
apps as (insert into application (id, tracking_number, service_code, standard_version, agency_code, site_code,
                                   submitted_by, submitter_kind, form, state, submitted_at, sla_started_on, deadline)
         select id, 'BENCH-' || id, code, 1, agency_code, 'MPP-BDG', 'bench', 'CITIZEN', '{}',
                case when fate < 0.7 then 'APPROVED' when fate < 0.9 then 'REJECTED' else 'DEEMED_APPROVED' end,
                filed, day, day + 7 from raw returning id)
insert into application_history (application_id, action, from_state, to_state, actor_id, actor_role,
                                 note_visibility, at)
select id, 'submit', 'DRAFT', 'SUBMITTED', 'bench', 'citizen', 'PUBLIC', filed from raw
union all
select id, case when fate < 0.7 then 'approve' when fate < 0.9 then 'reject' else 'deem-approve' end,
       'IN_TECHNICAL_REVIEW', 'APPROVED', 'bench', 'officer', 'PUBLIC', filed + make_interval(days => took) from raw;
analyze queue_ticket; analyze application; analyze application_history;
SQL
say "seeded $(psql -tAc "select count(*) from queue_ticket") tickets, $(psql -tAc "select count(*) from application") applications; waiting for the indicator job"
until [ "$(psql -tAc "select count(*) from queue_day_closed where indicators_at is null")" = 0 ] \
   && [ "$(psql -tAc "select count(*) from application_indicator_through where site_code = 'MPP-BDG'")" = 1 ]; do
  kill -0 $SERVICE_PID 2>/dev/null || { say "service died; see $WORK/service.log"; exit 1; }
  sleep 5
done
say "daily figures stored: $(psql -tAc "select count(*) from queue_indicator_day") queue rows"

TOKEN=$(curl -fs "localhost:$PORT/api/v1/auth/token" -d grant_type=password \
  -d username=admin.demo -d password=Admin-Demo-2025 | jq -r .access_token)
TO=$(TZ=Asia/Jakarta date +%F)
FROM=$(TZ=Asia/Jakarta date -d '364 days ago' +%F)
URL="localhost:$PORT/api/v1/indicators?site=MPP-BDG&from=$FROM&to=$TO&granularity=month"
curl -fs -H "Authorization: Bearer $TOKEN" "$URL" >"$WORK/answer.json"
for _ in 1 2 3; do curl -fs -o /dev/null -H "Authorization: Bearer $TOKEN" "$URL"; done
for _ in $(seq "$REQUESTS"); do
  curl -fs -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $TOKEN" "$URL"
done | awk '{print $1 * 1000}' >"$WORK/endpoint.ms"
ENDPOINT=$(median <"$WORK/endpoint.ms")
RAW=$(pgbench -n -M prepared -t "$REQUESTS" -f bench/indicators-raw.sql 2>/dev/null | awk '/latency average/ {print $4}')

MONTH=$(jq -r '.periods[6].from' "$WORK/answer.json")
FIGURE=$(jq -r '.periods[6].queue.waitSecondsMedian' "$WORK/answer.json")
RAW_FIGURE=$(psql -tAc "select round(percentile_cont(0.5) within group (order by extract(epoch from called_at - issued_at)::int)::numeric, 2)
  from queue_ticket where site_code = 'MPP-BDG' and called_at is not null
  and local_date between '$MONTH'::date and (date_trunc('month', '$MONTH'::date) + interval '1 month - 1 day')::date")
{
  echo "indicators over a year of MPP-BDG ($(psql -tAc "select count(*) from queue_ticket") tickets, $(psql -tAc "select count(*) from application") applications), granularity month, $REQUESTS requests"
  echo "figure: median wait of the month from $MONTH: endpoint $FIGURE s, raw SQL $RAW_FIGURE s"
  echo "endpoint (all figures, 12 periods, with IKM): median $ENDPOINT ms"
  echo "baseline raw SQL (queue figures only, over the raw tickets, pgbench -M prepared): latency average $RAW ms"
  echo "ratio endpoint/baseline: $(ratio "$ENDPOINT" "$RAW")"
} | tee "$OUT"
