-- GET /api/leads?page_size=50 with a filter (env FILTER, e.g. "status=new"), pages 1..20.
-- "{day}" in FILTER becomes a random day of the past year, so every request has a new total
-- to count (no cached count).
local token = os.getenv("SEN_TOKEN")
local filter = os.getenv("FILTER") or "status=new"
math.randomseed(os.time())

request = function()
  local day = os.date("!%Y-%m-%d", os.time() - math.random(1, 365) * 86400)
  local path = "/api/leads?page_size=50&" .. filter:gsub("{day}", day) .. "&page=" .. math.random(1, 20)
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. token })
end

done = function(summary, latency, requests)
  io.write(string.format("p50=%.2fms p95=%.2fms p99=%.2fms non2xx=%d\n", latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, summary.errors.status))
end
