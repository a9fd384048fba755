-- wrk script: PUT a new revision of a report on every request (the published-items total
-- changes each time, so every request is a real correction that is validated and stored).
local counter = 0
local threads = 0

function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end

function init(args)
  -- No template is needed where only renames are sent (bench/cold-document.lua, CHANGE=rename).
  local file = io.open(os.getenv("SUBMISSION_TEMPLATE") or "", "r")
  assert(file or os.getenv("CHANGE") == "rename", "SUBMISSION_TEMPLATE not readable")
  if file then
    template = file:read("*a")
    file:close()
  end
  agencies = tonumber(os.getenv("AGENCIES"))
  -- AGENCY_CODES (optional): a file of agency codes, one a line, filed in turn instead of
  -- bench-00000 .. bench-(AGENCIES-1), so that filings can change a region other than 广州市.
  codes = nil
  local list = os.getenv("AGENCY_CODES")
  if list and list ~= "" then
    codes = {}
    for line in io.lines(list) do
      codes[#codes + 1] = line
    end
    agencies = #codes
  end
  year = os.getenv("YEAR")
  headers = {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. os.getenv("TOKEN"),
  }
end

function request()
  counter = counter + 1
  local n = counter * 16 + id
  local agency = codes and codes[n % agencies + 1] or string.format("bench-%05d", n % agencies)
  local path = string.format("/api/v1/agencies/%s/reports/%s", agency, year)
  local body = template:gsub("__N__", tostring(100000 + n))
  return wrk.format("PUT", path, headers, body)
end
