-- The archive walk (bench/run): every request a different URL from the file named after "--", none twice.
-- Thread n of N (N given after the file) takes lines n, n+N, n+2N, … and stops when its share is used up,
-- creating the file "<third argument>.<n>" so that bench/run can end wrk (which otherwise sleeps out its
-- whole -d duration). wrk would also divide by that duration, so the rate is measured here, from the first
-- to the last response, and printed by done() as "walk: <requests> <seconds> <non-2xx/3xx>".
local ffi = require("ffi")
ffi.cdef[[
  typedef struct { long tv_sec; long tv_nsec; } timespec;
  int clock_gettime(int clock, timespec *t);
]]
local function now()
  local t = ffi.new("timespec")
  ffi.C.clock_gettime(1, t) -- CLOCK_MONOTONIC
  return tonumber(t.tv_sec) + tonumber(t.tv_nsec) / 1e9
end

local threads = {}
function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  paths, next_index, first, last, count, bad, mark = {}, 1, 0, 0, 0, 0, args[3] .. "." .. id
  local i = 0
  for line in io.lines(args[1]) do
    if i % tonumber(args[2]) == id then table.insert(paths, line) end
    i = i + 1
  end
end

function request()
  if next_index > #paths then
    if mark then io.open(mark, "w"):close(); mark = nil end
    wrk.thread:stop()
    next_index = 1 -- answered from the cache if it is ever sent; never counted (the thread has stopped)
  end
  local path = paths[next_index]
  next_index = next_index + 1
  return wrk.format(nil, path)
end

function response(status, headers, body)
  local t = now()
  if count == 0 then first = t end
  if count < #paths then
    last = t
    count = count + 1
    if status < 200 or status > 399 then bad = bad + 1 end
  end
end

function done(summary, latency, requests)
  local total, first_all, last_all, bad_all = 0, nil, 0, 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("count")
    bad_all = bad_all + thread:get("bad")
    local f, l = thread:get("first"), thread:get("last")
    if f > 0 and (first_all == nil or f < first_all) then first_all = f end
    if l > last_all then last_all = l end
  end
  io.write(string.format("walk: %d %.3f %d\n", total, last_all - (first_all or last_all), bad_all))
end
