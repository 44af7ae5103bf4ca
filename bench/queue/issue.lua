-- wrk: a kiosk issuing tickets as fast as it is answered. BENCH_PATH and BENCH_KIOSK_TOKEN come from bench/queue.sh.
wrk.method = "POST"
wrk.path = os.getenv("BENCH_PATH")
wrk.body = '{"serviceCode":"' .. os.getenv("BENCH_SERVICE") .. '","channel":"KIOSK"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_KIOSK_TOKEN")

function done(summary, latency, requests)
  io.write(string.format("BENCH ok=%d non2xx=%d errors=%d\n", summary.requests - summary.errors.status,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
