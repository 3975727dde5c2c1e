-- GET /api/leads/{id} for random ids in 1..MAX_ID (env), with a Bearer token (env SEN_TOKEN).
local max_id = tonumber(os.getenv("MAX_ID") or "1000000")
local token = os.getenv("SEN_TOKEN")
math.randomseed(os.time())

request = function()
  return wrk.format("GET", "/api/leads/" .. math.random(1, max_id), { ["Authorization"] = "Bearer " .. token })
end

done = function(summary, latency, requests)
  io.write(string.format("p50=%.2fms p95=%.2fms p99=%.2fms non2xx=%d\n", latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, summary.errors.status))
end
