-- wrk script of bench/applications.sh: reads the status of each number of NUMBERS_FILE once (about)
-- and appends "number etag" to ETAG_OUT, for the If-None-Match runs. Run with -t1; stops by itself.
local numbers = {}
for line in io.lines(os.getenv("NUMBERS_FILE")) do
  numbers[#numbers + 1] = line
end
local out = io.open(os.getenv("ETAG_OUT"), "a")
local next_index, answered = 0, 0

function request()
  next_index = next_index % #numbers + 1
  return wrk.format("GET", "/api/v1/applications/" .. numbers[next_index] .. "/status")
end

function response(status, headers, body)
  answered = answered + 1
  local number = body:match('"trackingNumber":"([^"]+)"')
  if status == 200 and number and headers["ETag"] then
    out:write(number, " ", headers["ETag"], "\n")
  end
  if answered >= #numbers then
    out:flush()
    wrk.thread:stop()
  end
end
