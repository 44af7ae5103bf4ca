-- wrk script of bench/applications.sh: GET /api/v1/applications/{tn}/status for random tracking numbers.
-- NUMBERS_FILE: one number a line (plain reads, 200). ETAGS_FILE: "number etag" lines (sends
-- If-None-Match, 304). VERIFY=1: see applications-check.lua.
local numbers, etags = {}, {}
expected = 200
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
dofile("bench/applications-check.lua")

function init(args)
  math.randomseed(os.time() * 100 + id)
end

function request()
  local i = math.random(#numbers)
  local headers = nil
  if etags[i] then
    headers = { ["If-None-Match"] = etags[i] }
  end
  return wrk.format("GET", "/api/v1/applications/" .. numbers[i] .. "/status", headers)
end
