-- POST /api/leads with a new Vietnamese name and a mobile no other request uses.
-- Each wrk thread numbers its own range, so numbers never collide (no 409s).
local token = os.getenv("SEN_TOKEN")
local base = tonumber(os.getenv("MOBILE_BASE") or "0")
local counter = 0
local thread_index = 0
local surnames = { "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng", "Bùi" }
local given = { "Văn An", "Thị Bình", "Minh Châu", "Đức Dũng", "Thu Hà", "Quốc Huy", "Ngọc Lan", "Thành Long" }

setup = function(thread)
  thread:set("thread_index", thread_index)
  thread_index = thread_index + 1
end

request = function()
  counter = counter + 1
  local n = base + thread_index * 10000000 + counter
  local mobile = string.format("09%08d", n % 100000000)
  local body = string.format('{"full_name":"%s %s","mobile":"%s","source":"Benchmark"}',
    surnames[counter % #surnames + 1], given[counter % #given + 1], mobile)
  return wrk.format("POST", "/api/leads",
    { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }, body)
end

done = function(summary, latency, requests)
  io.write(string.format("p50=%.2fms p95=%.2fms p99=%.2fms non2xx=%d\n", latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, summary.errors.status))
end
