-- Shared by the wrk scripts of bench/applications.sh (loaded with dofile; wrk runs from the repository
-- root). Gives each thread an id, and with VERIFY=1 counts every answer whose status is not the global
-- `expected` the loading script sets; done() prints the count ("unexpected status 0" is a clean run).
-- Checking costs wrk time, so the measured runs leave VERIFY unset.
local threads = {}
unexpected = 0

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

if os.getenv("VERIFY") then
  function response(status, headers, body)
    if status ~= expected then
      unexpected = unexpected + 1
    end
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do
    total = total + (t:get("unexpected") or 0)
  end
  io.write(string.format("expected %d, unexpected status %d\n", expected, total))
end
