-- wrk script: every request a different catalog query, so none is answered from the page
-- cache (issue 16). BENCH_MODE: "page" (/pieces), "api" (/api/v1/pieces) or "search"
-- (/pieces?q=… with a random word, misspelt one time in four).
local mode = os.getenv("BENCH_MODE") or "page"
local metals = { "", "yellow_gold", "rose_gold", "white_gold" }
local purities = { "", "", "22K916", "18K750", "14K585" }
local kinds = { "", "", "ring", "pendant", "earrings", "bangle", "necklace" }
local sorts = { "newest", "price_asc", "price_desc" }
local centers = { "", "kolkata", "mumbai" }
local words = { "peacock", "bangle", "filigree", "lotus", "ring", "rings", "pendant", "ruby", "emerald",
  "temple", "granulation", "jhumka", "rose gold", "kolkata", "mumbai", "hammered cuff", "bangel", "peacok",
  "earings", "necklace", "chain", "diamond", "sapphire", "kada", "jali" }

local function pick(t) return t[math.random(#t)] end

function setup(thread)
  thread:set("seed", math.random(1, 1000000))
end

function init(args)
  math.randomseed(os.time() + (seed or 0))
end

request = function()
  local parts = {}
  local function add(k, v) if v ~= "" then parts[#parts + 1] = k .. "=" .. v end end
  -- A random price bound makes nearly every URL unique (a cache miss).
  add("price_max", tostring(math.random(500, 400000)))
  if mode == "search" then
    add("q", (pick(words):gsub(" ", "+")))
  else
    add("metal", pick(metals))
    add("purity", pick(purities))
    add("kind", pick(kinds))
    add("center", pick(centers))
    add("sort", pick(sorts))
    if math.random(4) == 1 then add("page", tostring(math.random(2, 3))) end
  end
  local base = (mode == "api") and "/api/v1/pieces" or "/pieces"
  return wrk.format("GET", base .. "?" .. table.concat(parts, "&"))
end
