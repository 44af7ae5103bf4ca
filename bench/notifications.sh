#!/usr/bin/env bash
# Notifications sent per second through the SMS gateway adapter, beside the webhook delivery rate
# measured in the same run on the same service, receiver and database (both are signed POSTs claimed
# under a lease from a table). See bench/README.md.
# Usage: bench/notifications.sh [items per run] [runs]   (needs PostgreSQL and pgbench)
# SKIP_BUILD=1 uses the jar already built; BENCH_APP=dir runs a copy of target/quarkus-app.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-3000}
RUNS=${2:-3}
PORT=${BENCH_PORT:-8108}
MGMT=${BENCH_MGMT_PORT:-9108}
RECEIVER_PORT=${BENCH_RECEIVER_PORT:-8208}
CLIENTS=${BENCH_PGBENCH_CLIENTS:-4}
DB=${BENCH_DB:-satupintu_bench_notify}
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
export SATUPINTU_NOTIFICATIONS_GATEWAY_URL=http://127.0.0.1:$RECEIVER_PORT/gateway
export SATUPINTU_NOTIFICATIONS_GATEWAY_SECRET=bench-only-gateway-secret

java bench/webhooks/Receiver.java "$RECEIVER_PORT" >/tmp/satupintu-bench-notify-receiver.log 2>&1 &
receiver=$!
java ${JAVA_OPTS:-} -jar "${BENCH_APP:-target/quarkus-app}/quarkus-run.jar" >/tmp/satupintu-bench-notify.log 2>&1 &
service=$!
trap 'kill $service $receiver 2>/dev/null || true' EXIT
until curl -fs "localhost:$MGMT/q/health/ready" >/dev/null 2>&1; do
  kill -0 $service 2>/dev/null || { echo "service died; see /tmp/satupintu-bench-notify.log"; exit 1; }
  sleep 0.2
done
until curl -fs "localhost:$RECEIVER_PORT/stats" >/dev/null 2>&1; do sleep 0.2; done

# The integrator's webhook subscription (paused while the notifications run).
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
# The demo citizen's SMS channel, set through the API as a citizen sets it (the address is stored encrypted).
citizen=$(curl -fs "localhost:$PORT/api/v1/auth/token" -d grant_type=password -d username=warga.demo -d password=Warga-Demo-2025 \
  | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
curl -fs -X PUT "localhost:$PORT/api/v1/me/notification-preferences" -H "Authorization: Bearer $citizen" \
  -H 'Content-Type: application/json' -d '{"channels":[{"channel":"SMS","address":"+62 812-3456-7890"}]}' >/dev/null
account=$("${PSQL[@]}" -c "select account_id from notification_channel where channel = 'SMS' limit 1")

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
# Runs pgbench with the script, then waits until the receiver has every item: items/s from the first
# insert to the last receipt.
deliver() { # script, extra pgbench args
  local script=$1; shift
  curl -fs -X POST "localhost:$RECEIVER_PORT/reset" >/dev/null
  local start_us=$(( $(date +%s%N) / 1000 ))
  pgbench -h 127.0.0.1 -U satupintu -n -c "$CLIENTS" -j 2 -t $(( N / CLIENTS )) "$@" -f "$script" "$DB" >/dev/null 2>&1
  local deadline=$(( $(date +%s) + 600 )) got distinct first last rest
  while :; do
    read -r got distinct first last rest < <(curl -fs "localhost:$RECEIVER_PORT/stats")
    [ "$distinct" -ge "$total" ] && break
    [ "$(date +%s)" -lt "$deadline" ] || { echo "only $distinct of $total received" >&2; break; }
    sleep 0.2
  done
  awk -v n="$distinct" -v a="$start_us" -v b="$last" 'BEGIN {printf "%.1f", n / ((b - a) / 1e6)}'
}

hooks=(); sms=()
total=$(( N / CLIENTS * CLIENTS ))
for run in $(seq 1 "$RUNS"); do
  set_active true
  hooks+=("$(deliver bench/webhooks/append-event.sql)")
  set_active false
  sms+=("$(deliver bench/notifications/make-notification.sql -D account="$account")")
  sent=$("${PSQL[@]}" -c "select count(*) from notification_send where state = 'SENT'")
  printf 'run %s: webhooks delivered %s/s; SMS sent through the gateway %s/s (%s sends SENT so far)\n' \
    "$run" "${hooks[-1]}" "${sms[-1]}" "$sent"
done

mh=$(printf '%s\n' "${hooks[@]}" | median); ms=$(printf '%s\n' "${sms[@]}" | median)
printf '\nitems per run: %s (%s pgbench clients), runs: %s\n' "$total" "$CLIENTS" "$RUNS"
printf 'webhook delivery rate (first insert -> last receipt, median):      %s /s\n' "$mh"
printf 'notifications sent via the gateway (first insert -> last receipt): %s /s\n' "$ms"
printf 'ratio notifications / webhooks: %s\n' "$(awk -v a="$ms" -v b="$mh" 'BEGIN {printf "%.2f", a / b}')"
