-- wrk script of bench/applications.sh: POST /api/v1/applications, a complete file by one citizen
-- (TOKEN), body BODY, a fresh Idempotency-Key each time (so each request files a new application).
-- VERIFY=1 checks every answer is a 201 (a separate short pass, see applications-status.lua).
local token, body = os.getenv("TOKEN"), os.getenv("BODY")
local threads = {}
function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  counter = 0
  unexpected = 0
  run = tostring(os.time())
end

function request()
  counter = counter + 1
  return wrk.format("POST", "/api/v1/applications", {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = "bench-" .. run .. "-" .. id .. "-" .. counter,
  }, body)
end

if os.getenv("VERIFY") then
  function response(status, headers, body)
    if status ~= 201 then
      unexpected = unexpected + 1
    end
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do
    total = total + (t:get("unexpected") or 0)
  end
  io.write(string.format("expected 201, unexpected status %d\n", total))
end
