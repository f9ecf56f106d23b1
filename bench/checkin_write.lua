-- wrk script: PUT a fresh check-in under a new random id on every request, as one of many
-- signed-in people (STEADY_SESSIONS: one "cookie|csrf token" per line), as real load is.
local sessions = {}
for line in (os.getenv("STEADY_SESSIONS") or "|"):gmatch("[^\n]+") do
  local cookie, token = line:match("^(.*)|(.*)$")
  table.insert(sessions, { cookie = cookie, token = token })
end
local day = os.date("!%Y-%m-%d")
local moment = os.date("!%Y-%m-%dT%H:%M:%SZ")
local counter = 0
local thread_id = 0

function setup(thread)
  thread:set("id", thread_id)
  thread_id = thread_id + 1
end

function init(args)
  math.randomseed(os.time() * 1000 + (id or 0))
end

local function uuid4()
  counter = counter + 1
  local r = function(n) return string.format("%0" .. n .. "x", math.random(0, 16 ^ n - 1)) end
  return string.format("%s-%s-4%s-a%s-%s%04x", r(8), r(4), r(3), r(3), r(8), (counter + (id or 0) * 4096) % 65536)
end

local body = string.format(
  '{"recorded_at":"%s","local_date":"%s","mood":3,"energy":2,"stress":4,"connected":3,"context":"after_shift","note":"Long shift."}',
  moment, day)

request = function()
  local session = sessions[math.random(1, #sessions)]
  return wrk.format("PUT", "/api/checkins/" .. uuid4(), {
    ["Content-Type"] = "application/json",
    ["Cookie"] = session.cookie,
    ["X-CSRF-Token"] = session.token,
  }, body)
end
