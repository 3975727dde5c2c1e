-- POST /api/leads with a new Vietnamese name and a mobile no other request uses: prefix 092,
-- which the demo generator never gives, then the wrk thread's number, then a counter.
local token = os.getenv("SEN_TOKEN")
local base = tonumber(os.getenv("MOBILE_BASE") or "0") % 1000000
-- OWNERS="3,4,5": each request names the next of these users as the lead's owner.
local owners = {}
for id in string.gmatch(os.getenv("OWNERS") or "", "%d+") do owners[#owners + 1] = id end
local counter = 0
local threads_started = 0
local surnames = { "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng", "Bùi" }
local given = { "Văn An", "Thị Bình", "Minh Châu", "Đức Dũng", "Thu Hà", "Quốc Huy", "Ngọc Lan", "Thành Long" }

setup = function(thread)
  thread:set("thread_number", threads_started)  -- a global in that thread's Lua state
  threads_started = threads_started + 1
end

request = function()
  counter = counter + 1
  local mobile = string.format("092%d%06d", thread_number, (base + counter) % 1000000)
  local owner = #owners > 0 and (',"owner_id":' .. owners[counter % #owners + 1]) or ""
  local body = string.format('{"full_name":"%s %s","mobile":"%s","source":"Benchmark"%s}',
    surnames[counter % #surnames + 1], given[counter % #given + 1], mobile, owner)
  return wrk.format("POST", "/api/leads",
    { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }, body)
end

done = function(summary, latency, requests)
  io.write(string.format("p50=%.2fms p95=%.2fms p99=%.2fms non2xx=%d\n", latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, summary.errors.status))
end
