-- wrk script: GET the URL with a query parameter no other request has, so that neither the tag
-- kept for a second nor the rendered body kept by tag answers it: every request is the cold render
-- that the first visitor after a change pays (the parameter is ignored by the page itself).
local counter = 0
local threads = 0

function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end

function request()
  counter = counter + 1
  return wrk.format(nil, wrk.path .. "?cold=" .. id .. "-" .. counter)
end
