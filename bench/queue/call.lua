-- wrk: each thread is one counter (one connection, run with -t N -c N) calling the next ticket and sending
-- it back to the queue, so the waiting line keeps its length for the whole run. BENCH_COUNTERS is a file
-- of "counterId token" lines written by bench/queue.sh.
local counters = {}
for line in io.lines(os.getenv("BENCH_COUNTERS")) do
  counters[#counters + 1] = line
end
local assigned = 0
local threads = {}

function setup(thread)
  assigned = assigned + 1
  local id, token = counters[assigned]:match("(%S+) (%S+)")
  thread:set("counter", id)
  thread:set("token", token)
  threads[#threads + 1] = thread
end

function init(args)
  headers = { ["Authorization"] = "Bearer " .. token }
  pending = nil
  calls, returns, empty, failed = 0, 0, 0, 0
end

function request()
  if pending then
    return wrk.format("POST", "/api/v1/tickets/" .. pending .. "/return", headers)
  end
  return wrk.format("POST", "/api/v1/counters/" .. counter .. "/call-next", headers)
end

function response(status, headers, body)
  if pending then
    if status == 200 then returns = returns + 1 else failed = failed + 1 end
    pending = nil
  elseif status == 200 then
    calls = calls + 1
    pending = body:match('"id":"([^"]+)"')
  elseif status == 204 then
    empty = empty + 1
  else
    failed = failed + 1
  end
end

function done(summary, latency, requests)
  local c, r, e, f = 0, 0, 0, 0
  for _, thread in ipairs(threads) do
    c = c + thread:get("calls"); r = r + thread:get("returns"); e = e + thread:get("empty"); f = f + thread:get("failed")
  end
  io.write(string.format("BENCH calls=%d returns=%d empty=%d failed=%d\n", c, r, e, f))
end
