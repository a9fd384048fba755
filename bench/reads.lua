-- wrk script: a dashboard's reads in turn — a city's roll-up, its page, the province's roll-up and
-- an agency's report — each as a repeated visitor gets it.
local paths = {}
local counter = 0

function init(args)
  local year = os.getenv("YEAR")
  paths = {
    { "/api/v1/regions/" .. os.getenv("CITY") .. "/rollups/" .. year, "application/json" },
    { "/regions/" .. os.getenv("CITY") .. "/" .. year, "text/html" },
    { "/api/v1/regions/" .. os.getenv("PROVINCE") .. "/rollups/" .. year, "application/json" },
    { "/api/v1/agencies/bench-00042/reports/" .. year, "application/json" },
  }
end

function request()
  counter = counter + 1
  local p = paths[(counter % #paths) + 1]
  return wrk.format("GET", p[1], { ["Accept"] = p[2] })
end
