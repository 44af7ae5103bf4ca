#!/usr/bin/env bash
# Applications benchmark (issue 3): the public status read and the submission rate of the packaged
# service, each beside pgbench running the same SQL on the same database, in the same run.
#
# What it does:
#   1. builds target/quarkus-app/quarkus-run.jar when it is missing or older than the sources;
#   2. recreates the database $BENCH_DB, starts the service (prod profile, demo office, port
#      $BENCH_PORT, management port $BENCH_MGMT_PORT), and seeds $BENCH_ROWS applications with SQL,
#      spread over the demo services, both sites, all states and the last 120 days, with tracking
#      numbers in the service's format (site, local date, 6 random symbols, Crockford check symbol);
#   3. measures, $RUNS times each, printing medians and service/pgbench ratios:
#      a. GET /api/v1/applications/{tn}/status for random tracking numbers with wrk (200: no
#         If-None-Match; 304: with the ETag the service gave earlier), beside pgbench -M prepared
#         running the statement the service runs (bench/applications-status.sql) at the same number
#         of clients;
#      b. POST /api/v1/applications by a citizen (warga.demo) with a fresh Idempotency-Key each time,
#         for a service whose documents are all made optional first (a complete file in one
#         request), beside pgbench running the writes that request makes in one transaction
#         (bench/applications-submit.sql).
#   4. stops the service. The database stays for inspection (drop it by hand).
#
# Usage: bench/applications.sh   (defaults: RUNS=3 BENCH_ROWS=100000 BENCH_DURATION=15 BENCH_WARMUP=20
#        BENCH_CONNECTIONS=16 BENCH_THREADS=2 BENCH_PORT=8101 BENCH_MGMT_PORT=9101 BENCH_DB=satupintu_bench_app)
# Needs: PostgreSQL 15+ on 127.0.0.1:5432 (bin/ensure-postgres), pgbench, wrk (installed with apt
# when missing and root), curl, jq, a JDK 17. Results also go to target/bench-applications.txt.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-3}
ROWS=${BENCH_ROWS:-100000}
DURATION=${BENCH_DURATION:-15}
WARMUP=${BENCH_WARMUP:-20}
CONNS=${BENCH_CONNECTIONS:-16}
THREADS=${BENCH_THREADS:-2}
PORT=${BENCH_PORT:-8101}
MGMT=${BENCH_MGMT_PORT:-9101}
DB=${BENCH_DB:-satupintu_bench_app}
ETAG_SAMPLE=${BENCH_ETAG_SAMPLE:-20000}
SUBMIT_SERVICE=${BENCH_SUBMIT_SERVICE:-IMI-PASPOR-GANTI}
WORK=target/bench-applications
OUT=target/bench-applications.txt
export PGHOST=127.0.0.1 PGPORT=5432 PGUSER=satupintu PGPASSWORD=satupintu PGDATABASE=$DB

say() { printf '[bench] %s\n' "$*" >&2; }
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo -n "$@"; else return 1; fi
}
need() {
  command -v "$1" >/dev/null 2>&1 && return 0
  if command -v apt-get >/dev/null 2>&1 && as_root true; then
    say "installing $2 from the distribution's packages"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
  else
    say "$1 is missing: install the Debian package '$2'"; exit 1
  fi
}
need wrk wrk
need jq jq
need curl curl
command -v pgbench >/dev/null 2>&1 || { say "pgbench is missing: it comes with the PostgreSQL server packages"; exit 1; }

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", (b > 0 ? a / b : 0)}'; }

# 1. The packaged service, rebuilt when a source is newer than it.
JAR=target/quarkus-app/quarkus-run.jar
if [ ! -f "$JAR" ] || [ -n "$(find src pom.xml -newer "$JAR" -print -quit)" ]; then
  say "building $JAR"
  ./mvnw -B -q package -DskipTests
fi

# 2. A fresh database, the service on it, and the seed.
bin/ensure-postgres "$DB" >/dev/null
psql -q -d postgres -c "drop database if exists \"$DB\" with (force)" -c "create database \"$DB\""
mkdir -p "$WORK"
export QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://127.0.0.1:5432/$DB
export QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB
export QUARKUS_DATASOURCE_USERNAME=satupintu QUARKUS_DATASOURCE_PASSWORD=satupintu
export QUARKUS_HTTP_PORT=$PORT QUARKUS_MANAGEMENT_PORT=$MGMT SATUPINTU_DEMO_DATA=true SATUPINTU_JWT_GENERATE_KEYS=true
export SATUPINTU_PII_ENCRYPTION_KEY=$(head -c 32 /dev/urandom | base64) SATUPINTU_PII_INDEX_KEY=$(head -c 32 /dev/urandom | base64)
# Quiet logs: the benchmark measures requests, not log lines.
export QUARKUS_LOG_LEVEL=WARN
java ${JAVA_OPTS:-} -jar "$JAR" >"$WORK/service.log" 2>&1 &
SERVICE_PID=$!
trap 'kill $SERVICE_PID 2>/dev/null || true; wait $SERVICE_PID 2>/dev/null || true' EXIT
until curl -fs "localhost:$MGMT/q/health/ready" >/dev/null 2>&1; do
  kill -0 $SERVICE_PID 2>/dev/null || { say "service died; see $WORK/service.log"; exit 1; }
  sleep 0.2
done
say "service ready on port $PORT (pid $SERVICE_PID); seeding $ROWS applications"

psql -q -v ON_ERROR_STOP=1 -v rows="$ROWS" <<'SQL'
-- Crockford base-32 symbols and check symbol, as TrackingNumbers does (pg_temp: gone after the seed).
create function pg_temp.tn_random() returns text language sql volatile as $$
    select string_agg(substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', 1 + floor(random() * 32)::int, 1), '')
      from generate_series(1, 6)
$$;
create function pg_temp.tn_check(body text) returns text language plpgsql immutable as $$
declare r int := 0; v int; c text;
begin
    foreach c in array regexp_split_to_array(body, '') loop
        v := strpos('0123456789ABCDEFGHJKMNPQRSTVWXYZ', c) - 1;
        if v >= 0 then r := (r * 32 + v) % 37; end if;
    end loop;
    return substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ*~$=U', r + 1, 1);
end $$;
-- Every active service at every site of its agency, with its current completion time.
create temp table svc as
select row_number() over (order by s.code, si.code) as k, s.code as service_code, a.code as agency_code,
       si.code as site_code, si.time_zone, s.current_version as version,
       coalesce((st.document ->> 'completionDays')::int, 5) as completion_days
  from service s join agency a on a.id = s.agency_id join agency_site ag on ag.agency_id = a.id
  join site si on si.id = ag.site_id
  join service_standard st on st.service_id = s.id and st.version = s.current_version
 where s.active;
-- State mix of a working office: most files done, a fair share waiting for the agency, a few drafts.
create temp table mix (state text, lo float, hi float);
insert into mix values ('DRAFT', 0, .05), ('SUBMITTED', .05, .17), ('IN_VERIFICATION', .17, .27),
    ('RETURNED_FOR_REVISION', .27, .32), ('IN_TECHNICAL_REVIEW', .32, .40), ('APPROVED', .40, .44),
    ('PERMIT_ISSUED', .44, .80), ('REJECTED', .80, .88), ('WITHDRAWN', .88, .94), ('DEEMED_APPROVED', .94, 1.01);
with draw as (
    select i, 1 + floor((select count(*) from svc) * power(random(), 1.5))::int as k, random() as rs,
           now() - random() * interval '120 days' as filed
      from generate_series(1, :rows) g(i)
), rows as (
    select d.i, svc.*, mix.state, d.filed, (d.filed at time zone svc.time_zone)::date as filed_on
      from draw d join svc on svc.k = d.k join mix on d.rs >= mix.lo and d.rs < mix.hi
)
insert into application (id, tracking_number, service_code, standard_version, agency_code, site_code, applicant_id,
                         submitted_by, submitter_kind, form, state, created_at, updated_at, submitted_at,
                         sla_started_on, clock_paused_on, deadline)
select gen_random_uuid(), body || '-' || pg_temp.tn_check(body), service_code, version, agency_code, site_code,
       applicant, applicant, 'CITIZEN', jsonb_build_object('catatan', 'bench ' || i), state, filed,
       filed + random() * interval '3 days', case when state <> 'DRAFT' then filed end,
       case when state <> 'DRAFT' then filed_on end,
       case when state = 'RETURNED_FOR_REVISION' then filed_on + 3 end,
       case when state <> 'DRAFT' then filed_on + (completion_days * 7 / 5) end
  from (select r.*, gen_random_uuid()::text as applicant,
               regexp_replace(site_code, '^.*-', '') || '-' || to_char(filed_on, 'YYMMDD') || '-' || pg_temp.tn_random() as body
          from rows r) x
on conflict (tracking_number) do nothing;
-- What the SLA watch of a running office has already marked (it skips those rows), so that its first
-- pass does not rewrite thousands of seeded rows, and their ETags, in the middle of a measurement.
update application a set sla_breached_at = now() from site s
 where s.code = a.site_code and a.state in ('SUBMITTED', 'IN_VERIFICATION', 'IN_TECHNICAL_REVIEW')
   and working_days_between(a.site_code, (now() at time zone s.time_zone)::date, a.deadline) < 0;
update application a set sla_warned_at = now() from site s
 where s.code = a.site_code and a.state in ('SUBMITTED', 'IN_VERIFICATION', 'IN_TECHNICAL_REVIEW')
   and working_days_between(a.site_code, (now() at time zone s.time_zone)::date, a.deadline) between 0 and 2;
-- The numbers the readers pick from: every filed (non-draft) application, numbered 1..n for pgbench.
create table bench_status_number (n integer primary key, tracking_number text not null);
insert into bench_status_number
select row_number() over (order by random()), tracking_number from application where state <> 'DRAFT';
vacuum analyze application; analyze bench_status_number;
SQL
NUMBERS=$(psql -Atc "select count(*) from bench_status_number")
psql -Atc "select tracking_number from bench_status_number order by n" >"$WORK/numbers.txt"
say "seeded: $(psql -Atc "select count(*) from application") applications, $NUMBERS with a public status; by state:"
psql -Atc "select state || ' ' || count(*) from application group by state order by count(*) desc" | tr '\n' ',' >&2; echo >&2

# ETags for the 304 variant: a first pass over a sample of numbers records what the service answered.
head -n "$ETAG_SAMPLE" "$WORK/numbers.txt" >"$WORK/etag-sample.txt"
: >"$WORK/etags.txt"
# (wrk waits out its -d even when the script has stopped its thread, so it is stopped here once done.)
ETAG_OUT="$WORK/etags.txt" NUMBERS_FILE="$WORK/etag-sample.txt" \
  wrk -t1 -c8 -d600s -s bench/applications-etags.lua "http://127.0.0.1:$PORT" >/dev/null &
ETAG_WRK=$!
want=$(wc -l <"$WORK/etag-sample.txt")
until [ "$(wc -l <"$WORK/etags.txt")" -ge "$want" ]; do
  kill -0 $ETAG_WRK 2>/dev/null || break
  sleep 0.5
done
kill $ETAG_WRK 2>/dev/null || true; wait $ETAG_WRK 2>/dev/null || true
sort -u -o "$WORK/etags.txt" "$WORK/etags.txt"
say "recorded $(wc -l <"$WORK/etags.txt") ETags"

# The citizen's submissions: the chosen service with every document optional, so one request files it complete.
ADMIN=$(curl -fs "localhost:$PORT/api/v1/auth/token" -d grant_type=password \
  -d username=admin.demo -d password=Admin-Demo-2025 | jq -r .access_token)
curl -fs "localhost:$PORT/api/v1/services/$SUBMIT_SERVICE" | jq '.standard | .requirements |= map(.mandatory = false)' \
  >"$WORK/standard.json"
curl -fs -X PUT "localhost:$PORT/api/v1/services/$SUBMIT_SERVICE/standard" -H "Authorization: Bearer $ADMIN" \
  -H 'Content-Type: application/json' --data-binary @"$WORK/standard.json" >/dev/null
citizen_token() {
  curl -fs "localhost:$PORT/api/v1/auth/token" -d grant_type=password -d username=warga.demo \
    -d password=Warga-Demo-2025 | jq -r .access_token
}
SUBMIT_BODY=$(jq -c --arg s "$SUBMIT_SERVICE" '{serviceCode: $s, form: .}' bench/applications-form.json)
# One request by hand first: it must be a 201 with a SUBMITTED application, or the rates mean nothing.
filed=$(curl -fs "localhost:$PORT/api/v1/applications" -H "Authorization: Bearer $(citizen_token)" \
  -H 'Content-Type: application/json' -H "Idempotency-Key: bench-check-$RANDOM" -d "$SUBMIT_BODY")
first=$(echo "$filed" | jq -r .state); first_tn=$(echo "$filed" | jq -r .trackingNumber)
[ "$first" = SUBMITTED ] || { say "a submission did not come back SUBMITTED ($first)"; exit 1; }
CITIZEN_ID=$(psql -Atc "select submitted_by from application where tracking_number = '$first_tn'")
SUBMIT_AGENCY=$(psql -Atc "select agency_code from application where submitted_by = '$CITIZEN_ID' limit 1")
SUBMIT_SITE=$(psql -Atc "select site_code from application where submitted_by = '$CITIZEN_ID' limit 1")

# A short checked pass of each wrk script first: every answer must be the expected status, else the
# figures would measure errors. (Checking every answer costs wrk time, so measured runs do not.)
verify() {
  local out; out=$(VERIFY=1 "$@")
  echo "$out" | grep -q "unexpected status 0$" || { say "unexpected answers in a check pass:"; echo "$out" >&2; exit 1; }
}
# JIT warm-up: a freshly started JVM runs interpreted code for a while; the figures are of the warm service.
say "warming up for ${WARMUP}s on each path"
NUMBERS_FILE="$WORK/numbers.txt" wrk -t"$THREADS" -c"$CONNS" -d"${WARMUP}s" -s bench/applications-status.lua \
  "http://127.0.0.1:$PORT" >/dev/null
TOKEN="$(citizen_token)" BODY="$SUBMIT_BODY" wrk -t"$THREADS" -c"$CONNS" -d"${WARMUP}s" -s bench/applications-submit.lua \
  "http://127.0.0.1:$PORT" >/dev/null
verify env NUMBERS_FILE="$WORK/numbers.txt" wrk -t1 -c4 -d3s -s bench/applications-status.lua "http://127.0.0.1:$PORT"
verify env ETAGS_FILE="$WORK/etags.txt" wrk -t1 -c4 -d3s -s bench/applications-status.lua "http://127.0.0.1:$PORT"
verify env TOKEN="$(citizen_token)" BODY="$SUBMIT_BODY" wrk -t1 -c4 -d3s -s bench/applications-submit.lua "http://127.0.0.1:$PORT"
say "check passes answered as expected"

# pgbench needs CONNS free connections; on a shared server (max_connections) a run may be refused: try again.
pgb() {
  local out
  for attempt in 1 2 3; do
    if out=$(pgbench "$@" 2>&1); then echo "$out"; return 0; fi
    say "pgbench failed (attempt $attempt): $(echo "$out" | grep -m1 -i error)"; sleep 5
  done
  echo "$out"; say "pgbench failed three times"; exit 1
}

rps_wrk() { awk '/^Requests\/sec/ {print $2}'; }
rps_pgbench() { awk '/^tps = / {print $3}'; }

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
status200=(); status304=(); pgstatus=(); submit=(); pgsubmit=()
for run in $(seq 1 "$RUNS"); do
  say "run $run/$RUNS: status read, ${DURATION}s each, $CONNS connections"
  r=$(NUMBERS_FILE="$WORK/numbers.txt" wrk -t"$THREADS" -c"$CONNS" -d"${DURATION}s" --timeout 60s \
        -s bench/applications-status.lua "http://127.0.0.1:$PORT")
  echo "$r" >"$WORK/status200-$run.txt"; status200+=($(echo "$r" | rps_wrk))
  r=$(ETAGS_FILE="$WORK/etags.txt" wrk -t"$THREADS" -c"$CONNS" -d"${DURATION}s" --timeout 60s \
        -s bench/applications-status.lua "http://127.0.0.1:$PORT")
  echo "$r" >"$WORK/status304-$run.txt"; status304+=($(echo "$r" | rps_wrk))
  r=$(pgb -n -M prepared -c "$CONNS" -j "$THREADS" -T "$DURATION" -D numbers="$NUMBERS" \
        -f bench/applications-status.sql)
  echo "$r" >"$WORK/pgstatus-$run.txt"; pgstatus+=($(echo "$r" | rps_pgbench))

  say "run $run/$RUNS: submission"
  r=$(TOKEN=$(citizen_token) BODY="$SUBMIT_BODY" wrk -t"$THREADS" -c"$CONNS" -d"${DURATION}s" --timeout 60s \
        -s bench/applications-submit.lua "http://127.0.0.1:$PORT")
  echo "$r" >"$WORK/submit-$run.txt"; submit+=($(echo "$r" | rps_wrk))
  r=$(pgb -n -M prepared -c "$CONNS" -j "$THREADS" -T "$DURATION" -D citizen="$CITIZEN_ID" \
        -D service="$SUBMIT_SERVICE" -D agency="$SUBMIT_AGENCY" -D site="$SUBMIT_SITE" \
        -f bench/applications-submit.sql)
  echo "$r" >"$WORK/pgsubmit-$run.txt"; pgsubmit+=($(echo "$r" | rps_pgbench))
done

# A wrk run whose answers were not what it asked for, or timed out, is a broken run, not a figure.
for f in "$WORK"/status200-*.txt "$WORK"/status304-*.txt "$WORK"/submit-*.txt; do
  if grep -q "Non-2xx or 3xx responses" "$f" || grep -q "timeout [1-9]" "$f"; then
    say "$f has unexpected answers:"; cat "$f" >&2; exit 1
  fi
done

m200=$(printf '%s\n' "${status200[@]}" | median); m304=$(printf '%s\n' "${status304[@]}" | median)
mpg=$(printf '%s\n' "${pgstatus[@]}" | median); msub=$(printf '%s\n' "${submit[@]}" | median)
mpgsub=$(printf '%s\n' "${pgsubmit[@]}" | median)
{
  echo "SatuPintu applications benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(awk '/MemTotal/ {print int($2/1048576)" GiB"}' /proc/meminfo),"
  echo "$(psql -Atc 'select count(*) from application') applications, $RUNS runs of ${DURATION}s, $CONNS connections (wrk) / clients (pgbench)"
  printf '%-44s %10s %10s %s\n' "measure" "median/s" "ratio" "all runs"
  printf '%-44s %10s %10s %s\n' "status read 200, service (wrk)" "$m200" "$(ratio "$m200" "$mpg")" "${status200[*]}"
  printf '%-44s %10s %10s %s\n' "status read 304 (If-None-Match), service" "$m304" "$(ratio "$m304" "$mpg")" "${status304[*]}"
  printf '%-44s %10s %10s %s\n' "status statement, pgbench" "$mpg" "1.00" "${pgstatus[*]}"
  printf '%-44s %10s %10s %s\n' "submission, service (wrk)" "$msub" "$(ratio "$msub" "$mpgsub")" "${submit[*]}"
  printf '%-44s %10s %10s %s\n' "submission writes, pgbench" "$mpgsub" "1.00" "${pgsubmit[*]}"
  echo "load average (1/5/15 min) before the runs: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "ratio = service / pgbench on the same SQL; raw outputs in $WORK/"
} | tee "$OUT"
