-- GET /api/leads?q=... with what people type in the search box: family and given names
-- without diacritics, parts of phone numbers, e-mail and company fragments.
local token = os.getenv("SEN_TOKEN")
local queries = { "nguyen", "tran thi", "le van", "pham", "hoang minh", "nguyen thi thu", "ngoc anh", "duc",
  "huong", "0912", "0388", "+84 9", "gmail", "hotmail", "cong ty", "hoa binh", "sao viet", "minh phat", "vo thi",
  "bui", "quang", "trang", "thao", "dang thuy", "yen" }
math.randomseed(os.time())

request = function()
  local q = queries[math.random(1, #queries)]
  if math.random(1, 4) == 1 then q = string.format("09%d%d", math.random(0, 9), math.random(10, 99)) end
  local path = "/api/leads?page_size=50&q=" .. q:gsub("[ +]", function(c) return c == " " and "%20" or "%2B" end)
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. token })
end

done = function(summary, latency, requests)
  io.write(string.format("p50=%.2fms p95=%.2fms p99=%.2fms non2xx=%d\n", latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, summary.errors.status))
end
