-- wrk script for tools/load.py: one wrk runs per page. Counts responses by status
-- class and, when the run ends, prints one JSON line with the counts, socket errors
-- and the whole latency histogram, so load.py can merge the pages into overall
-- percentiles (wrk's own percentiles cannot be combined across processes).

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  -- Globals in each thread's Lua state, read back with thread:get in done().
  s1, s2, s3, s4, s5 = 0, 0, 0, 0, 0
end

function response(status, headers, body)
  local class = math.floor(status / 100)
  if class == 1 then s1 = s1 + 1
  elseif class == 2 then s2 = s2 + 1
  elseif class == 3 then s3 = s3 + 1
  elseif class == 4 then s4 = s4 + 1
  else s5 = s5 + 1 end
end

function done(summary, latency, requests)
  local status = {0, 0, 0, 0, 0}
  for _, thread in ipairs(threads) do
    for class = 1, 5 do
      status[class] = status[class] + thread:get("s" .. class)
    end
  end
  -- latency(i) is the i-th distinct latency in microseconds and how often it was seen.
  local histogram = {}
  for i = 1, #latency do
    local value, count = latency(i)
    histogram[#histogram + 1] = string.format("[%d,%d]", value, count)
  end
  local errors = summary.errors
  io.write(string.format(
    'LOAD-RESULT {"requests":%d,"duration_us":%d,"status":[%d,%d,%d,%d,%d],' ..
    '"connect":%d,"read":%d,"write":%d,"timeout":%d,"non_2xx_3xx":%d,"latency_us":[%s]}\n',
    summary.requests, summary.duration, status[1], status[2], status[3], status[4],
    status[5], errors.connect, errors.read, errors.write, errors.timeout, errors.status,
    table.concat(histogram, ",")))
end
