-- wrk script of the benchmark's login and register scenarios (tools/Benchmark.java).
-- Arguments after "--": login <form body> | register <run nonce> <password>.
-- Counts the answers by status, so that the intended 503s are told apart from anything else.

local threads = {}

function setup(thread)
   table.insert(threads, thread)
   thread:set("number", #threads)
end

function init(args)
   statuses = {}
   local mode = args[1]
   if mode == "login" then
      wrk.method = "POST"
      wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
      wrk.body = args[2]
   elseif mode == "register" then
      local nonce, password, counter = args[2], args[3], 0
      -- a new email every time: the same one twice would be a 409, not a measurement
      request = function()
         counter = counter + 1
         local body = '{"email":"bench-' .. nonce .. '-' .. number .. '-' .. counter
            .. '@example.com","password":"' .. password .. '"}'
         return wrk.format("POST", nil, { ["Content-Type"] = "application/json" }, body)
      end
   else
      error("usage: -- login <form body> | register <nonce> <password>")
   end
end

function response(status, headers, body)
   statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
   local total = {}
   for _, thread in ipairs(threads) do
      for status, count in pairs(thread:get("statuses")) do
         total[status] = (total[status] or 0) + count
      end
   end
   local line = "statuses:"
   for status, count in pairs(total) do
      line = line .. " " .. status .. "=" .. count
   end
   print(line)
end
