-- wrk script: GET the URL with a page number no other request has (past the last page, a region's
-- page shows its last), so that neither the tag kept for a second nor the body kept per tag
-- answers it: every request is the full render that the first visitor after a change pays.
local counter = 0
local threads = 0

function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end

function request()
  counter = counter + 1
  return wrk.format(nil, wrk.path .. "?page=" .. (counter * 8 + id) % 999999)
end
