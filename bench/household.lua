-- household.lua: wrk script asking for households picked at random from bench/out/households.txt
local nos = {}
for line in io.lines(os.getenv("HH_LIST") or "bench/out/households.txt") do
	nos[#nos + 1] = line
end
math.randomseed(42)
request = function()
	return wrk.format("GET", "/api/households/" .. nos[math.random(#nos)])
end
