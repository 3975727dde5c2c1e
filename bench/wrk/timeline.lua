-- GET /api/leads/{LEAD_ID}/timeline, first page of 50.
local token = os.getenv("SEN_TOKEN")
local lead = os.getenv("LEAD_ID")

request = function()
  return wrk.format("GET", "/api/leads/" .. lead .. "/timeline?page_size=50", { ["Authorization"] = "Bearer " .. token })
end

done = function(summary, latency, requests)
  io.write(string.format("p50=%.2fms p95=%.2fms p99=%.2fms non2xx=%d\n", latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, summary.errors.status))
end
