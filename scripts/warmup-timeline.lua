-- wrk script for scripts/warmup-timeline: POSTs post.lua's 34-byte JSON body and counts the answers per
-- second since WARMUP_T0 (seconds since the epoch, with a fraction: the moment the load starts), 2xx and
-- other statuses apart. Each wrk thread counts into its own tables; done() sums them and prints one line
-- per second: "second <k> <2xx> <other>" (k = 0 is the first second).
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } warmup_timespec;
  int clock_gettime(int clock, warmup_timespec *ts);
]]
local CLOCK_REALTIME = 0 -- the clock `date +%s.%N` reads, so the script's timestamps and these agree
local now = ffi.new("warmup_timespec")
local t0 = tonumber(os.getenv("WARMUP_T0") or "") or os.time()

wrk.method = "POST"
wrk.body = '{"data":"0123456789abcdef0123456"}'
wrk.headers["Content-Type"] = "application/json"

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

-- globals, so that done() can copy them out of each thread with thread:get
ok = {}
other = {}

function response(status, headers, body)
  ffi.C.clock_gettime(CLOCK_REALTIME, now)
  local k = math.floor(tonumber(now.tv_sec) + tonumber(now.tv_nsec) * 1e-9 - t0)
  if status >= 200 and status < 300 then
    ok[k] = (ok[k] or 0) + 1
  else
    other[k] = (other[k] or 0) + 1
  end
end

function done(summary, latency, requests)
  local sum_ok, sum_other, last = {}, {}, -1
  for _, thread in ipairs(threads) do
    for k, n in pairs(thread:get("ok")) do
      sum_ok[k] = (sum_ok[k] or 0) + n
      if k > last then last = k end
    end
    for k, n in pairs(thread:get("other")) do
      sum_other[k] = (sum_other[k] or 0) + n
      if k > last then last = k end
    end
  end
  for k = 0, last do
    io.write(string.format("second %d %d %d\n", k, sum_ok[k] or 0, sum_other[k] or 0))
  end
end
