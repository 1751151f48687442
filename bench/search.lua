-- search.lua: wrk script asking for the request paths of $PATHS (one a line, e.g. list searches written by
-- bench/name_search.sh), picked at random with a fixed seed
local paths = {}
for line in io.lines(os.getenv("PATHS") or "bench/out/searches.txt") do
	paths[#paths + 1] = line
end
math.randomseed(42)
request = function()
	return wrk.format("GET", paths[math.random(#paths)])
end
