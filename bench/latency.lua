-- wrk script: logged-in GETs of one path; prints one JSON line with the latency percentiles.
--   BENCH_COOKIE="sessionid=...; csrftoken=..." wrk -t2 -c20 -d15s -s bench/latency.lua http://127.0.0.1:PORT/members/?q=d
-- Any answer other than 200 (a redirect to the login page included) is counted in "non_200".
-- BENCH_THINK_MS: each connection waits that long after an answer before its next request (a user reading the
-- page); wrk's latencies do not include the wait.

local cookie = os.getenv("BENCH_COOKIE")
if cookie and cookie ~= "" then
  wrk.headers["Cookie"] = cookie
end

local think_ms = tonumber(os.getenv("BENCH_THINK_MS") or "0") or 0

function delay()
  return think_ms
end

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  non_200 = 0
end

function response(status, headers, body)
  if status ~= 200 then
    non_200 = non_200 + 1
  end
end

function done(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do
    bad = bad + (thread:get("non_200") or 0)
  end
  local seconds = summary.duration / 1e6
  local errors = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests": %d, "seconds": %.2f, "rps": %.1f, "p50_ms": %.1f, "p90_ms": %.1f, ' ..
    '"p95_ms": %.1f, "p99_ms": %.1f, "max_ms": %.1f, "mean_ms": %.1f, "non_200": %d, ' ..
    '"socket_errors": %d, "timeouts": %d, "bytes": %d}\n',
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, latency.mean / 1000, bad,
    errors.connect + errors.read + errors.write, errors.timeout, summary.bytes))
end
