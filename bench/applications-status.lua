-- wrk script of bench/applications.sh: GET /api/v1/applications/{tn}/status for random tracking numbers.
-- NUMBERS_FILE: one number a line (plain reads, 200). ETAGS_FILE: "number etag" lines (sends
-- If-None-Match, 304). VERIFY=1 also checks every answer's status and prints how many were unexpected
-- (a separate short pass: checking costs wrk time that the measured runs should not pay).
local numbers, etags, expected = {}, {}, 200
local etag_file = os.getenv("ETAGS_FILE")
if etag_file then
  expected = 304
  for line in io.lines(etag_file) do
    local n, e = line:match("^(%S+) (.+)$")
    numbers[#numbers + 1] = n
    etags[#etags + 1] = e
  end
else
  for line in io.lines(os.getenv("NUMBERS_FILE")) do
    numbers[#numbers + 1] = line
  end
end

local threads = {}
function setup(thread)
  thread:set("seed", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() * 100 + seed)
  unexpected = 0
end

function request()
  local i = math.random(#numbers)
  local headers = nil
  if etags[i] then
    headers = { ["If-None-Match"] = etags[i] }
  end
  return wrk.format("GET", "/api/v1/applications/" .. numbers[i] .. "/status", headers)
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
