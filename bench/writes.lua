-- writes.lua: wrk script for bench/pg_writes.sh: each wrk thread records change events, one household after
-- another, in the households of its own county: thread k (1-based) takes the k-th county of $COUNTIES
-- (codes separated by spaces) and POSTs $EVENT (JSON, default an exit dated 2018-12-31) to
-- /api/households/HH_NO/events for the 户编号 of $HH_DIR/COUNTY.txt (one a line), starting at the line after
-- the number in $HH_DIR/COUNTY.next (0 if missing). At the end it writes back COUNTY.next (the households
-- asked for, answered or not, so that the next run never asks for one again) and prints one line
--   RESULT answered=N non2xx=N errors=N sent=N us=N p50=N p99=N out=N   (latencies in microseconds)
-- where out counts the threads that ran out of households (their later requests go to 户编号 "none": a 404).
-- Use -t N -c N (one connection a thread: one client a county).
local counties = {}
for c in (os.getenv("COUNTIES") or ""):gmatch("%S+") do
	counties[#counties + 1] = c
end
local dir = os.getenv("HH_DIR") or "."
local threads = {}

local function readnext(c)
	local f = io.open(dir .. "/" .. c .. ".next")
	if not f then
		return 0
	end
	local n = tonumber(f:read("*l")) or 0
	f:close()
	return n
end

function setup(thread)
	local k = #threads + 1
	if k > #counties then
		error("writes.lua: more threads than counties in $COUNTIES")
	end
	thread:set("county", counties[k])
	thread:set("dir", dir)
	thread:set("start", readnext(counties[k]))
	threads[k] = thread
end

local hh, i, headers, body
sent, out = 0, 0   -- globals: done() reads them with thread:get

function init(args)
	hh = {}
	for line in io.lines(dir .. "/" .. county .. ".txt") do
		hh[#hh + 1] = line
	end
	i = start
	sent = 0
	out = 0
	headers = { ["Content-Type"] = "application/json" }   -- with wrk's own (-H): wrk.format takes one table
	for k, v in pairs(wrk.headers) do
		headers[k] = v
	end
	body = os.getenv("EVENT") or '{"type":"exit","effective":"2018-12-31"}'
end

function request()
	i = i + 1
	sent = sent + 1
	local no = hh[i]
	if not no then
		no = "none"
		out = 1
	end
	return wrk.format("POST", "/api/households/" .. no .. "/events", headers, body)
end

function done(summary, latency, requests)
	local total, outs = 0, 0
	for _, t in ipairs(threads) do
		local c = t:get("county")
		local used = t:get("start") + t:get("sent")
		local f = assert(io.open(dir .. "/" .. c .. ".next", "w"))
		f:write(string.format("%d\n", used))
		f:close()
		total = total + t:get("sent")
		outs = outs + t:get("out")
	end
	local e = summary.errors
	io.write(string.format("RESULT answered=%d non2xx=%d errors=%d sent=%d us=%d p50=%d p99=%d out=%d\n",
		summary.requests, e.status, e.connect + e.read + e.write + e.timeout, total, summary.duration,
		latency:percentile(50), latency:percentile(99), outs))
end
