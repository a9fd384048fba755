-- wrk script: PUT a new revision of a report on every request (the published-items total
-- changes each time, so every request is a real correction that is validated and stored).
local counter = 0
local threads = 0

function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end

function init(args)
  local file = assert(io.open(os.getenv("SUBMISSION_TEMPLATE"), "r"))
  template = file:read("*a")
  file:close()
  agencies = tonumber(os.getenv("AGENCIES"))
  year = os.getenv("YEAR")
  headers = {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. os.getenv("TOKEN"),
  }
end

function request()
  counter = counter + 1
  local n = counter * 16 + id
  local path = string.format("/api/v1/agencies/bench-%05d/reports/%s", n % agencies, year)
  local body = template:gsub("__N__", tostring(100000 + n))
  return wrk.format("PUT", path, headers, body)
end
