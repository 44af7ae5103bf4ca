#!/usr/bin/env bash
# Webhook delivery throughput and end-to-end latency (event committed -> received), beside the
# events' insert rate measured in the same run. See bench/README-webhooks.md.
# Usage: bench/webhooks.sh [events per run] [runs]   (needs PostgreSQL and pgbench)
# SKIP_BUILD=1 uses the jar already built; BENCH_APP=dir runs a copy of target/quarkus-app.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-5000}
RUNS=${2:-3}
PORT=${BENCH_PORT:-8107}
MGMT=${BENCH_MGMT_PORT:-9107}
RECEIVER_PORT=${BENCH_RECEIVER_PORT:-8207}
CLIENTS=${BENCH_PGBENCH_CLIENTS:-4}
DB=${BENCH_DB:-satupintu_bench_hooks}
export PGPASSWORD=satupintu
PSQL=(psql -h 127.0.0.1 -U satupintu -d "$DB" -qtA)

bin/ensure-postgres "$DB" >/dev/null
psql -h 127.0.0.1 -U satupintu -d postgres -q -c "drop database if exists \"$DB\" with (force)" -c "create database \"$DB\""
[ -n "${SKIP_BUILD:-}" ] || ./mvnw -B -q clean package -DskipTests

export QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://127.0.0.1:5432/$DB
export QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB
export QUARKUS_DATASOURCE_USERNAME=satupintu QUARKUS_DATASOURCE_PASSWORD=satupintu
export QUARKUS_HTTP_PORT=$PORT QUARKUS_MANAGEMENT_PORT=$MGMT SATUPINTU_DEMO_DATA=true SATUPINTU_JWT_GENERATE_KEYS=true
export SATUPINTU_PII_ENCRYPTION_KEY=$(head -c 32 /dev/urandom | base64) SATUPINTU_PII_INDEX_KEY=$(head -c 32 /dev/urandom | base64)
export SATUPINTU_SURVEY_TOKEN_KEY=$(head -c 32 /dev/urandom | base64)
export SATUPINTU_WEBHOOKS_ALLOWED_HOSTS=127.0.0.1 QUARKUS_LOG_CONSOLE_JSON_ENABLED=false

java bench/webhooks/Receiver.java "$RECEIVER_PORT" >/tmp/satupintu-bench-receiver.log 2>&1 &
receiver=$!
java ${JAVA_OPTS:-} -jar "${BENCH_APP:-target/quarkus-app}/quarkus-run.jar" >/tmp/satupintu-bench-hooks.log 2>&1 &
service=$!
trap 'kill $service $receiver 2>/dev/null || true' EXIT
until curl -fs "localhost:$MGMT/q/health/ready" >/dev/null 2>&1; do
  kill -0 $service 2>/dev/null || { echo "service died; see /tmp/satupintu-bench-hooks.log"; exit 1; }
  sleep 0.2
done
until curl -fs "localhost:$RECEIVER_PORT/stats" >/dev/null 2>&1; do sleep 0.2; done

token=$(curl -fs "localhost:$PORT/api/v1/auth/token" -u oss-integrator:oss-demo-secret-2025 -d grant_type=client_credentials \
  | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
sub=$(curl -fs "localhost:$PORT/api/v1/webhooks/subscriptions" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d "{\"url\":\"http://127.0.0.1:$RECEIVER_PORT/hook\",\"eventTypes\":[\"application.bench\"],\"active\":false}" \
  | sed 's/.*"id":"\([^"]*\)".*/\1/')
set_active() {
  curl -fs -X PUT "localhost:$PORT/api/v1/webhooks/subscriptions/$sub" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' \
    -d "{\"url\":\"http://127.0.0.1:$RECEIVER_PORT/hook\",\"eventTypes\":[\"application.bench\"],\"active\":$1}" >/dev/null
}
pgbench_tps() { # events inserted per second by pgbench, CLIENTS connections, N events in all
  pgbench -h 127.0.0.1 -U satupintu -n -c "$CLIENTS" -j 2 -t $(( N / CLIENTS )) -f bench/webhooks/append-event.sql "$DB" 2>&1 \
    | sed -n 's/^tps = \([0-9.]*\).*/\1/p' | head -1
}
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

base=(); ins=(); thr=(); p50=(); p95=(); dup=()
total=$(( N / CLIENTS * CLIENTS ))
for run in $(seq 1 "$RUNS"); do
  # 1. Baseline: the insert rate with the subscription paused (trigger runs, matches nothing).
  set_active false
  base+=("$(pgbench_tps)")
  # 2. The same inserts with the subscription active, delivered while they go in.
  set_active true
  curl -fs -X POST "localhost:$RECEIVER_PORT/reset" >/dev/null
  start_us=$(( $(date +%s%N) / 1000 ))
  ins+=("$(pgbench_tps)")
  deadline=$(( $(date +%s) + 600 ))
  while :; do
    read -r got distinct first last lat50 lat95 latmax < <(curl -fs "localhost:$RECEIVER_PORT/stats")
    [ "$distinct" -ge "$total" ] && break
    [ "$(date +%s)" -lt "$deadline" ] || { echo "run $run: only $distinct of $total delivered"; break; }
    sleep 0.2
  done
  sleep 1
  read -r got distinct first last lat50 lat95 latmax < <(curl -fs "localhost:$RECEIVER_PORT/stats")
  thr+=("$(awk -v n="$distinct" -v a="$start_us" -v b="$last" 'BEGIN {printf "%.1f", n / ((b - a) / 1e6)}')")
  p50+=("$lat50"); p95+=("$lat95"); dup+=("$(( got - distinct ))")
  printf 'run %s: insert/s paused %s, active %s; delivered %s (duplicates %s) at %s/s; latency p50 %s ms, p95 %s ms, max %s ms\n' \
    "$run" "${base[-1]}" "${ins[-1]}" "$distinct" "${dup[-1]}" "${thr[-1]}" "$lat50" "$lat95" "$latmax"
  # Next run starts from a paused, drained subscription.
done

mb=$(printf '%s\n' "${base[@]}" | median); mi=$(printf '%s\n' "${ins[@]}" | median); mt=$(printf '%s\n' "${thr[@]}" | median)
printf '\nevents per run: %s (%s pgbench clients, 200 streams), runs: %s\n' "$total" "$CLIENTS" "$RUNS"
printf 'events insert rate, no active subscription (median):      %s /s\n' "$mb"
printf 'events insert rate, while delivering (median):            %s /s\n' "$mi"
printf 'webhook delivery throughput (first insert -> last receipt): %s /s\n' "$mt"
printf 'end-to-end latency committed -> received, median of runs:  p50 %s ms, p95 %s ms\n' \
  "$(printf '%s\n' "${p50[@]}" | median)" "$(printf '%s\n' "${p95[@]}" | median)"
printf 'ratios: delivery / insert rate while delivering %s; insert rate while delivering / without %s\n' \
  "$(awk -v a="$mt" -v b="$mi" 'BEGIN {printf "%.2f", a / b}')" "$(awk -v a="$mi" -v b="$mb" 'BEGIN {printf "%.2f", a / b}')"
printf 'duplicates received (all runs): %s\n' "$(printf '%s\n' "${dup[@]}" | awk '{s+=$1} END {print s}')"
