-- wrk script of the benchmark's login, register and refresh scenarios (tools/Benchmark.java).
-- Arguments after "--": login <form body> | register <run nonce> <password>
--                       | refresh <file of refresh tokens> <number of threads>.
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
   elseif mode == "refresh" then
      file = args[2]
      local count = tonumber(args[3])
      -- each refresh token is used once: a thread takes its share of the sessions, sends one token
      -- per request and puts back the new one the answer carries
      request = function()
         if tokens == nil then
            tokens = {}
            local line = 0
            for token in io.lines(file) do
               if line % count == number - 1 then
                  table.insert(tokens, token)
               end
               line = line + 1
            end
         end
         local token = table.remove(tokens)
         if token == nil then
            error("refresh: every session of this thread is in flight or lost")
         end
         return wrk.format("POST", nil, { ["Content-Type"] = "application/x-www-form-urlencoded" },
            "grant_type=refresh_token&refresh_token=" .. token)
      end
   else
      error("usage: -- login <form body> | register <nonce> <password> | refresh <file> <threads>")
   end
end

function response(status, headers, body)
   statuses[status] = (statuses[status] or 0) + 1
   if tokens ~= nil and status == 200 then
      table.insert(tokens, body:match('"refresh_token":"([^"]+)"'))
   end
end

function done(summary, latency, requests)
   local total = {}
   for _, thread in ipairs(threads) do
      for status, count in pairs(thread:get("statuses")) do
         total[status] = (total[status] or 0) + count
      end
   end
   -- the sessions still usable go back to the file for the next run (tokens in flight at the end are lost)
   local file = threads[1]:get("file")
   if file ~= nil then
      local out = io.open(file, "w")
      for _, thread in ipairs(threads) do
         for _, token in ipairs(thread:get("tokens") or {}) do
            out:write(token, "\n")
         end
      end
      out:close()
   end
   local line = "statuses:"
   for status, count in pairs(total) do
      line = line .. " " .. status .. "=" .. count
   end
   print(line)
end
