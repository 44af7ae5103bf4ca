#!/usr/bin/env bash
# Queue hot paths on the packaged service, beside pgbench running the same SQL statements in the same run:
#   issue: a kiosk issuing tickets (numbering upsert, ticket insert, ticket read, two events), wrk vs pgbench;
#   call:  counters calling the next ticket and sending it back to the queue (the waiting line keeps its
#          length), one counter per connection, wrk vs pgbench. One "cycle" = call-next + return.
# Every repeat runs the four measurements in turn at the same concurrency; medians and ratios at the end.
# Usage: bench/queue.sh [runs]   (default 3)
#   BENCH_CONCURRENCY (16) connections = counters, BENCH_DURATION (10) seconds per measurement,
#   BENCH_WAITING (300) tickets waiting in the called lane, BENCH_PORT (8104; management port +1000),
#   BENCH_DB (satupintu_bench_queue, dropped and recreated), BENCH_BUILD=0 reuses target/quarkus-app.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
C=${BENCH_CONCURRENCY:-16}
DURATION=${BENCH_DURATION:-10}
WAITING=${BENCH_WAITING:-300}
PORT=${BENCH_PORT:-8104}
MGMT=$((PORT + 1000))
DB=${BENCH_DB:-satupintu_bench_queue}
SITE=BENCH-Q
ISSUE_SERVICE=DKB-KTP-EL   # lane A: tickets issued during the run
CALL_SERVICE=DKB-KK        # lane B: the waiting line the counters call from
URL=http://127.0.0.1:$PORT
# Logs of the service, wrk and pgbench stay here for a look after the run.
WORK=target/bench-queue
rm -rf "$WORK"; mkdir -p "$WORK"
export PGPASSWORD=${SATUPINTU_DB_PASSWORD:-satupintu}
PSQL=(psql -h 127.0.0.1 -U "${SATUPINTU_DB_USER:-satupintu}" -d "$DB" -v ON_ERROR_STOP=1 -qAt)

say() { printf '[bench/queue] %s\n' "$*" >&2; }
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo -n "$@"; else return 1; fi
}
for tool in wrk jq pgbench; do
  if ! command -v $tool >/dev/null 2>&1; then
    package=$tool; [ $tool = pgbench ] && package=postgresql-contrib
    say "installing $package"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null \
      || { say "$tool is missing: install Debian's $package"; exit 1; }
  fi
done

bin/ensure-postgres "$DB" >/dev/null
psql -h 127.0.0.1 -U "${SATUPINTU_DB_USER:-satupintu}" -d postgres -q \
  -c "drop database if exists \"$DB\" with (force)" -c "create database \"$DB\""
if [ "${BENCH_BUILD:-1}" = 1 ] || [ ! -f target/quarkus-app/quarkus-run.jar ]; then
  say "packaging the service"
  ./mvnw -B -q package -DskipTests
fi

ADMIN_PASSWORD=Bench-Admin-$RANDOM$RANDOM
say "starting the packaged service on port $PORT (log: $WORK/service.log)"
# The kiosk issues far more than a real kiosk's 600 calls a minute: its rate limit is raised, not
# switched off, so every call still pays the per-client check.
QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://127.0.0.1:5432/$DB \
QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB \
QUARKUS_DATASOURCE_USERNAME=${SATUPINTU_DB_USER:-satupintu} QUARKUS_DATASOURCE_PASSWORD=$PGPASSWORD \
QUARKUS_HTTP_PORT=$PORT SATUPINTU_DEMO_DATA=true SATUPINTU_JWT_GENERATE_KEYS=true \
SATUPINTU_ADMIN_USERNAME=bench.admin SATUPINTU_ADMIN_PASSWORD=$ADMIN_PASSWORD \
SATUPINTU_PII_ENCRYPTION_KEY=$(head -c 32 /dev/urandom | base64) SATUPINTU_PII_INDEX_KEY=$(head -c 32 /dev/urandom | base64) \
  java ${JAVA_OPTS:-} -Dquarkus.management.port=$MGMT -Dsatupintu.clients.rate-limit=1000000000 \
    -jar target/quarkus-app/quarkus-run.jar >"$WORK/service.log" 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null; wait $SERVICE 2>/dev/null || true' EXIT
until curl -fs "127.0.0.1:$MGMT/q/health/ready" >/dev/null 2>&1; do
  kill -0 $SERVICE 2>/dev/null || { cat "$WORK/service.log" >&2; say "the service died"; exit 1; }
  sleep 0.2
done

token() { # grant args... -> access token
  curl -sS --fail-with-body "$URL/api/v1/auth/token" "$@" | jq -er .access_token
}
api() { # token method path [json]
  curl -sS --fail-with-body -o "$WORK/answer" -X "$2" "$URL$3" -H "Authorization: Bearer $1" \
    -H 'Content-Type: application/json' ${4:+-d "$4"} || { cat "$WORK/answer" >&2; echo >&2; return 1; }
}

say "seeding: site $SITE, lanes A and B, $C counters with their staff, a kiosk, $WAITING waiting tickets"
ADMIN=$(token -d grant_type=password -d username=bench.admin -d "password=$ADMIN_PASSWORD")
hours=$(jq -nc '[("MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY","SATURDAY","SUNDAY") | {day: ., opens: "00:00", closes: "23:59"}]')
api "$ADMIN" POST /api/v1/sites "$(jq -nc --argjson h "$hours" --arg c $SITE '{code: $c, kind: "MPP", name: "MPP Bench",
  address: "Jl. Bench 1", city: "Bandung", provinceCode: "32", timeZone: "Asia/Jakarta", openingHours: $h}')"
api "$ADMIN" POST /api/v1/sites/$SITE/lanes "{\"prefix\":\"A\",\"name\":\"Bench A\",\"serviceCodes\":[\"$ISSUE_SERVICE\"],\"dailyQuota\":9999}"
api "$ADMIN" POST /api/v1/sites/$SITE/lanes "{\"prefix\":\"B\",\"name\":\"Bench B\",\"serviceCodes\":[\"$CALL_SERVICE\"],\"dailyQuota\":9999}"
# Staff accounts and the kiosk client share the demo accounts' password hashes: there is no API that makes
# staff accounts, and this keeps the bench from needing to know the hashing scheme.
"${PSQL[@]}" <<SQL
insert into identity_user (username, password_hash, role, full_name, agency_code, site_code)
  select 'bench.loket.' || n, u.password_hash, 'counter_staff', 'Petugas Bench ' || n, u.agency_code, '$SITE'
  from identity_user u, generate_series(1, $C) n where u.username = 'loket.disdukcapil';
insert into identity_api_client (client_id, name, kind, secret_hash, site_code)
  select 'bench-kiosk', 'Kiosk Bench', 'kiosk', secret_hash, '$SITE' from identity_api_client
  where client_id = 'kiosk-mpp-bdg-01';
SQL
for n in $(seq 1 "$C"); do
  api "$ADMIN" POST /api/v1/sites/$SITE/counters "{\"number\":$n,\"name\":\"Loket $n\",\"lanes\":[\"B\"]}"
done
"${PSQL[@]}" <<SQL
insert into queue_number (lane_id, local_date, last)
  select id, (now() at time zone 'Asia/Jakarta')::date, $WAITING from queue_lane where site_code = '$SITE' and prefix = 'B';
insert into queue_ticket (site_code, lane_id, number_lane_id, service_code, local_date, sequence, number, channel,
    priority, issued_by, status, issued_at)
  select '$SITE', l.id, l.id, '$CALL_SERVICE', (now() at time zone 'Asia/Jakarta')::date, n,
    'B-' || lpad(n::text, greatest(3, length(n::text)), '0'), 'KIOSK',
    case when n % 10 = 0 then 'ELDERLY' else 'NONE' end, 'bench', 'WAITING', now() - make_interval(secs => $WAITING - n)
  from queue_lane l, generate_series(1, $WAITING) n where l.site_code = '$SITE' and l.prefix = 'B';
SQL

# Access tokens live 15 minutes: new ones for every repeat. The counters' sessions stay open.
tokens() {
  KIOSK=$(token -u bench-kiosk:kiosk-demo-secret-2025 -d grant_type=client_credentials)
  : >"$WORK/counters"
  for n in $(seq 1 "$C"); do
    staff=$(token -d grant_type=password -d "username=bench.loket.$n" -d password=Loket-Dukcapil-2025)
    id=$("${PSQL[@]}" -c "select id from queue_counter where site_code = '$SITE' and number = $n")
    echo "$id $staff" >>"$WORK/counters"
  done
}
tokens
while read -r id staff; do api "$staff" POST "/api/v1/counters/$id/open"; done <"$WORK/counters"

# A measurement cut off between a call and its return leaves a ticket called: put it back before the next one.
# Tickets issued by earlier measurements are served, so each one starts with an empty lane A (a ticket's answer
# counts the tickets ahead of it, which grows with the line).
settle() {
  "${PSQL[@]}" -c "update queue_ticket set status = 'WAITING', counter_id = null where site_code = '$SITE'
    and status = 'CALLED'" -c "update queue_ticket set status = 'DONE' where site_code = '$SITE'
    and service_code = '$ISSUE_SERVICE' and status = 'WAITING'" \
    -c "vacuum analyze queue_ticket, queue_number, queue_counter, event" 2>/dev/null
}
wrk_rate() { # lua-script threads -> requests/s; fails on any non-2xx answer
  local out; out=$(wrk -t "$2" -c "$C" -d "${DURATION}s" --timeout 30s --latency -s "bench/queue/$1" "$URL${BENCH_PATH:-/}")
  echo "$out" >>"$WORK/wrk.log"
  if echo "$out" | grep -qE 'non2xx=[1-9]|failed=[1-9]|Non-2xx'; then echo "$out" >&2; say "errors in the run"; exit 1; fi
  echo "$out" | awk '/^Requests\/sec:/ {print $2}'
}
pg_rate() { # sql-script -> transactions (script runs) per second
  local out
  out=$(pgbench -h 127.0.0.1 -U "${SATUPINTU_DB_USER:-satupintu}" -n -M prepared -c "$C" -j 2 -T "$DURATION" \
    -D site=$SITE -D service=$ISSUE_SERVICE -D zone=Asia/Jakarta -D issuer=bench-pgbench -f "bench/queue/$1" "$DB" 2>&1)
  echo "$out" >>"$WORK/pgbench.log"
  if echo "$out" | grep -qE 'aborted in command|number of failed transactions: [1-9]'; then echo "$out" >&2; exit 1; fi
  echo "$out" | awk '/^tps = / {print $3}'
}
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# A fresh JVM runs interpreted code at first: warm it up on both paths before measuring anything.
say "warming up the service"
export BENCH_KIOSK_TOKEN=$KIOSK BENCH_SERVICE=$ISSUE_SERVICE BENCH_COUNTERS=$WORK/counters
settle
BENCH_PATH=/api/v1/sites/$SITE/tickets wrk_rate issue.lua 2 >/dev/null
settle
wrk_rate call.lua "$C" >/dev/null

svc_issue=(); pg_issue=(); svc_call=(); pg_call=()
for run in $(seq 1 "$RUNS"); do
  [ "$run" = 1 ] || tokens
  export BENCH_KIOSK_TOKEN=$KIOSK BENCH_SERVICE=$ISSUE_SERVICE BENCH_COUNTERS=$WORK/counters
  settle
  svc_issue+=($(BENCH_PATH=/api/v1/sites/$SITE/tickets wrk_rate issue.lua 2))
  settle
  pg_issue+=($(pg_rate issue.sql))
  settle
  # Requests/s over two requests per cycle.
  svc_call+=($(wrk_rate call.lua "$C" | awk '{printf "%.1f", $1 / 2}'))
  settle
  pg_call+=($(pg_rate call.sql))
  say "run $run: issue service ${svc_issue[-1]}/s pgbench ${pg_issue[-1]}/s; call cycle service ${svc_call[-1]}/s pgbench ${pg_call[-1]}/s"
done

si=$(printf '%s\n' "${svc_issue[@]}" | median); pi=$(printf '%s\n' "${pg_issue[@]}" | median)
sc=$(printf '%s\n' "${svc_call[@]}" | median); pc=$(printf '%s\n' "${pg_call[@]}" | median)
issued=$("${PSQL[@]}" -c "select count(*) || ' tickets, ' || count(distinct sequence) || ' distinct numbers, max ' ||
  max(sequence) from queue_ticket where site_code = '$SITE' and service_code = '$ISSUE_SERVICE'")
printf '\nqueue bench: %s runs, %s connections, %ss each, %s waiting in the called lane, %s cores\n' \
  "$RUNS" "$C" "$DURATION" "$WAITING" "$(nproc)"
printf '%-34s %12s %12s %8s\n' "median per second" "service" "pgbench" "ratio"
printf '%-34s %12s %12s %8s\n' "tickets issued (kiosk)" "$si" "$pi" "$(awk -v a="$si" -v b="$pi" 'BEGIN {printf "%.2f", a / b}')"
printf '%-34s %12s %12s %8s\n' "call cycles (call-next + return)" "$sc" "$pc" "$(awk -v a="$sc" -v b="$pc" 'BEGIN {printf "%.2f", a / b}')"
printf 'all runs: issue service %s | pgbench %s; call service %s | pgbench %s\n' \
  "${svc_issue[*]}" "${pg_issue[*]}" "${svc_call[*]}" "${pg_call[*]}"
printf 'lane A after the run: %s (no number shared or skipped when count = distinct = max)\n' "$issued"
