-- wrk script: bench/submit.lua paced to RATE filings per second over all connections (CONNECTIONS
-- of them), for the filing burst that readers must not feel.
dofile("bench/submit.lua")

function delay()
  return math.floor(1000 * tonumber(os.getenv("CONNECTIONS")) / tonumber(os.getenv("RATE")))
end
