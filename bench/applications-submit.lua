-- wrk script of bench/applications.sh: POST /api/v1/applications, a complete file by one citizen
-- (TOKEN), body BODY, a fresh Idempotency-Key each time (so each request files a new application).
-- VERIFY=1: see applications-check.lua.
local token, body = os.getenv("TOKEN"), os.getenv("BODY")
expected = 201
dofile("bench/applications-check.lua")

function init(args)
  counter = 0
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
