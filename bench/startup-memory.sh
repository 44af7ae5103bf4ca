#!/usr/bin/env bash
# Start-up time and memory of the packaged service (JVM mode), measured N times.
# Baseline in the same run: the bare JVM's own start (java -version), the floor any Java service pays.
# Usage: bench/startup-memory.sh [runs]   (needs PostgreSQL; uses database satupintu_bench)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
PORT=${BENCH_PORT:-18080}

bin/ensure-postgres satupintu_bench >/dev/null
./mvnw -B -q clean package -DskipTests

export QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://127.0.0.1:5432/satupintu_bench
export QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/satupintu_bench
export QUARKUS_DATASOURCE_USERNAME=satupintu QUARKUS_DATASOURCE_PASSWORD=satupintu
export QUARKUS_HTTP_PORT=$PORT SATUPINTU_DEMO_DATA=true SATUPINTU_JWT_GENERATE_KEYS=true
export SATUPINTU_PII_ENCRYPTION_KEY=$(head -c 32 /dev/urandom | base64) SATUPINTU_PII_INDEX_KEY=$(head -c 32 /dev/urandom | base64)

now_ms() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

jvm=(); ready=(); rss_start=(); rss_load=()
for i in $(seq 1 "$RUNS"); do
  t0=$(now_ms); java -version >/dev/null 2>&1; jvm+=($(( $(now_ms) - t0 )))

  t0=$(now_ms)
  java ${JAVA_OPTS:-} -jar target/quarkus-app/quarkus-run.jar >/tmp/satupintu-bench-$i.log 2>&1 &
  pid=$!
  until curl -fs "localhost:${MGMT_PORT:-9000}/q/health/ready" >/dev/null 2>&1; do
    kill -0 $pid 2>/dev/null || { echo "service died; see /tmp/satupintu-bench-$i.log"; exit 1; }
    sleep 0.05
  done
  ready+=($(( $(now_ms) - t0 )))
  rss_start+=($(awk '/VmRSS/ {print int($2/1024)}' /proc/$pid/status))
  # A little real traffic: catalog reads and searches.
  for _ in $(seq 1 200); do
    curl -fs "localhost:$PORT/api/v1/services?site=MPP-BDG&q=izin" >/dev/null
    curl -fs "localhost:$PORT/api/v1/services/DPMPTSP-PBG" >/dev/null
  done
  rss_load+=($(awk '/VmRSS/ {print int($2/1024)}' /proc/$pid/status))
  kill $pid; wait $pid 2>/dev/null || true
done

printf 'runs: %s\n' "$RUNS"
printf 'bare JVM start (java -version), median ms:        %s\n' "$(printf '%s\n' "${jvm[@]}" | median)"
printf 'service start to ready (incl. Flyway, demo), ms:  %s   (all: %s)\n' "$(printf '%s\n' "${ready[@]}" | median)" "${ready[*]}"
printf 'RSS after start, MiB (median):                    %s\n' "$(printf '%s\n' "${rss_start[@]}" | median)"
printf 'RSS after 400 catalog requests, MiB (median):     %s\n' "$(printf '%s\n' "${rss_load[@]}" | median)"
grep -h "started in" /tmp/satupintu-bench-*.log | sed 's/.*started in/Quarkus reports: started in/' | head -"$RUNS"
