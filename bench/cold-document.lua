-- wrk script: 广东省's document as the first visitor after a change gets it. The document has no
-- parameter that renders it anew (unknown ones are refused), so each connection changes the
-- province before every request: it files a new revision into 广州市 (bench/submit.lua: validated,
-- stored and summed, so the province's tag changes) and then asks for DOCUMENT, which the kept
-- body no longer answers. Run with one connection per thread (-tN -cN), so that each request's
-- answer is the thread's last request's: only the documents are timed, and only those answered
-- 200 count; done() prints their count, p50 and p99.
-- CHANGE=rename: the change before each request renames one of AGENCY_CODES' agencies instead
-- (PATCH of its name, a new name each time): the region's tag changes as after a filing and the
-- page or document is rendered in full, but the change costs a fraction of a filing's CPU, so
-- that the other connections' changes do not stand between the render and the two cores.
-- ACCEPT: the media type asked for (default text/html; application/json for a roll-up).
dofile("bench/submit.lua")
local file = request
if os.getenv("CHANGE") == "rename" then
  local renames = 0
  file = function()
    renames = renames + 1
    local n = renames * 16 + id
    local agency = codes and codes[n % agencies + 1] or string.format("bench-%05d", n % agencies)
    local body = string.format('{"name": "基准更名机关%d"}', n)
    return wrk.format("PATCH", "/api/v1/agencies/" .. agency, {
      ["Content-Type"] = "application/merge-patch+json",
      ["Authorization"] = headers["Authorization"],
    }, body)
  end
end
local submit_setup = setup
local threads_seen = {}

local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clock, bench_timespec *t);
]]
local clock = ffi.new("bench_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, clock) -- CLOCK_MONOTONIC
  return tonumber(clock.tv_sec) * 1000 + tonumber(clock.tv_nsec) / 1e6
end

local filing = true
local started = 0
latencies = {}
documents = 0
refused_documents = 0
refused_filings = 0

function setup(thread)
  submit_setup(thread)
  table.insert(threads_seen, thread)
end

function request()
  if filing then
    return file()
  end
  started = now_ms()
  return wrk.format("GET", os.getenv("DOCUMENT"), { ["Accept"] = os.getenv("ACCEPT") or "text/html" })
end

function response(status, headers, body)
  if filing then
    if status >= 300 then
      refused_filings = refused_filings + 1
    end
  elseif status == 200 then
    latencies[#latencies + 1] = now_ms() - started
    documents = documents + 1
  else
    refused_documents = refused_documents + 1
  end
  filing = not filing
end

function done(summary, latency, requests)
  local all = {}
  local refused, filings_refused = 0, 0
  for _, thread in ipairs(threads_seen) do
    for _, ms in ipairs(thread:get("latencies")) do
      all[#all + 1] = ms
    end
    refused = refused + thread:get("refused_documents")
    filings_refused = filings_refused + thread:get("refused_filings")
  end
  table.sort(all)
  local function at(q)
    if #all == 0 then
      return 0
    end
    return all[math.max(1, math.ceil(q * #all))]
  end
  io.write(string.format("cold_documents_200=%d non_200=%d filings_not_200=%d p50_ms=%.2f p99_ms=%.2f\n",
    #all, refused, filings_refused, at(0.50), at(0.99)))
end
