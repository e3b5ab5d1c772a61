-- wrk script: clerk commands as fast as one connection per wrk thread can send them (closed loop: the next command
-- goes when the answer to the last has come). Run with as many threads as connections (wrk -tN -cN), so each
-- connection is one client with its own files, and no two clients ever touch the same file. On each of its files a
-- client alternately adds and withdraws a cosponsor, so every command is valid; a refusal is counted, not hidden.
--
--   CIVIC_BENCH_PLAN=<file> wrk -t16 -c16 -d20s -s infra/bench/commands.lua http://localhost:8081
--
-- The plan file (written by infra/bench.sh): line 1 the Authorization header, line 2 the people (space separated),
-- then one line per client with that client's file ids (space separated).
-- At the end it prints "RESULT commands_ok N", "RESULT commands_refused N" and "RESULT last_position P" (the highest
-- position any answer carried, for the caller to wait on the query side).

local threads = {}
local next_id = 0

local function split(line)
  local out = {}
  for word in string.gmatch(line, "%S+") do
    out[#out + 1] = word
  end
  return out
end

local function plan()
  local lines = {}
  for line in io.lines(os.getenv("CIVIC_BENCH_PLAN")) do
    lines[#lines + 1] = line
  end
  return lines
end

function setup(thread)
  thread:set("client", next_id)
  next_id = next_id + 1
  threads[#threads + 1] = thread
end

-- Globals, so that done() can read them from each thread (thread:get reads globals).
auth, people, files = nil, nil, nil
k, ok, refused, last = 0, 0, 0, 0

function init(args)
  local lines = plan()
  auth = lines[1]
  people = split(lines[2])
  files = split(lines[3 + client])
end

function request()
  local file = files[(k % #files) + 1]
  local round = math.floor(k / #files)
  local person = people[2 + math.floor(round / 2) % (#people - 1)]
  local headers = { ["Authorization"] = auth, ["Content-Type"] = "application/json" }
  if round % 2 == 0 then
    return wrk.format("POST", "/api/files/" .. file .. "/cosponsors", headers, '{"person":"' .. person .. '"}')
  end
  return wrk.format("DELETE", "/api/files/" .. file .. "/cosponsors/" .. person, headers)
end

-- k moves on when an answer comes, not when a request is made: wrk makes one request to check the script that it
-- never sends, and that one must not shift a client's add/withdraw sequence.
function response(status, headers, body)
  k = k + 1
  if status >= 200 and status < 300 then
    ok = ok + 1
    local position = tonumber(string.match(body, '"position"%s*:%s*(%d+)'))
    if position and position > last then
      last = position
    end
  else
    refused = refused + 1
  end
end

function done(summary, latency, requests)
  local total_ok, total_refused, highest = 0, 0, 0
  for _, thread in ipairs(threads) do
    total_ok = total_ok + thread:get("ok")
    total_refused = total_refused + thread:get("refused")
    highest = math.max(highest, thread:get("last"))
  end
  io.write(string.format("RESULT commands_ok %d\nRESULT commands_refused %d\nRESULT last_position %d\n",
    total_ok, total_refused, highest))
  io.write(string.format("RESULT latency_p50_ms %.2f\nRESULT latency_p99_ms %.2f\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
