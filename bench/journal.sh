#!/usr/bin/env bash
# Journal page latency and cell-save throughput against a running app (scripts/run.sh).
# Prints numbers; asserts nothing. Writes marks into today's lesson of teacher@demo's last journal
# (demo data), each save with a fresh operation id, so every request is a real write.
#
#   bench/journal.sh [BASE_URL] [SECONDS] [CONNECTIONS]   defaults: http://localhost:5000 10 8
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
BASE="${1:-http://localhost:5000}"
SECONDS_PER_RUN="${2:-10}"
CONNECTIONS="${3:-8}"
ensure_packages wrk curl

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
jar="$work/cookies"

# Sign in through the real form.
token() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' "$1" | head -1 | sed 's/.*value="//;s/"$//'; }
curl -s -c "$jar" -b "$jar" "$BASE/login" > "$work/login.html"
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "login=teacher@demo" --data-urlencode "password=Demo-Pass-2026" \
    --data-urlencode "__RequestVerificationToken=$(token "$work/login.html")" "$BASE/login"
journal=$(curl -s -c "$jar" -b "$jar" "$BASE/s/demo/teacher" | grep -o '/s/demo/teacher/journal/[0-9a-f-]*' | tail -1)
[[ -n $journal ]] || die "could not sign in as teacher@demo at $BASE"
curl -s -c "$jar" -b "$jar" "$BASE$journal" > "$work/journal.html"
cookie=$(sed 's/^#HttpOnly_//' "$jar" | awk '!/^#/ && NF >= 7 { printf "%s%s=%s", sep, $6, $7; sep="; " }')
csrf=$(token "$work/journal.html")
cells=$(grep -c 'class="cell"' "$work/journal.html" || true)

# The newest lesson still open for entries (no readonly), and its pupils.
read -r lesson pupils < <(/usr/bin/python3 - "$work/journal.html" <<'PY'
import re, sys
html = open(sys.argv[1], encoding="utf-8").read()
attr = lambda c, name: re.search(name + r'="([^"]*)"', c).group(1)
lessons = [attr(th, "data-lesson") for th in re.findall(r'<th[^>]*class="work-col"[^>]*>', html)]
rows = re.findall(r'<tr[^>]*data-pupil="([^"]*)"[^>]*>(.*?)</tr>', html, re.S)
open_cols = [int(attr(c, "data-col")) for _, r in rows for c in re.findall(r"<input[^>]*>", r) if "readonly" not in c]
col = max(open_cols)
pupils = [p for p, r in rows if re.search(r'data-col="%d"(?![^>]*readonly)[^>]*>' % col, r)]
print(lessons[col], ",".join('"%s"' % p for p in pupils))
PY
)
[[ -n $lesson && -n $pupils ]] || die "no open lesson found in $journal"

cat > "$work/save.lua" <<LUA
local pupils = { $pupils }
local n = 0
local function uuid()
  return (string.gsub("xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx", "[xy]", function (c)
    local v = (c == "x") and math.random(0, 15) or math.random(8, 11)
    return string.format("%x", v)
  end))
end
request = function()
  n = n + 1
  local body = string.format('{"operationId":"%s","lessonId":"$lesson","pupilId":"%s","value":"%d"}',
    uuid(), pupils[(n % #pupils) + 1], 2 + (n % 4))
  return wrk.format("POST", "$journal/../cell", {
    ["Content-Type"] = "application/json", ["X-CSRF-TOKEN"] = "$csrf", ["Cookie"] = "$cookie" }, body)
end
LUA
sed -i "s#$journal/../cell#/s/demo/teacher/journal/cell#" "$work/save.lua"

echo "== journal page: $journal ($cells cells), ${SECONDS_PER_RUN}s, 1 thread, $CONNECTIONS connections"
wrk -t1 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency -H "Cookie: $cookie" -H "Accept-Encoding: br, gzip" "$BASE$journal" | sed -n '/Latency Distribution/,/read$/p;/Non-2xx/p;/Requests\/sec/p'
echo "   (page size: $(curl -s -b "$cookie" -o /dev/null -w "%{size_download}" "$BASE$journal") bytes, $(curl -s -b "$cookie" -H "Accept-Encoding: br" -o /dev/null -w "%{size_download}" "$BASE$journal") compressed, status $(curl -s -b "$cookie" -o /dev/null -w '%{http_code}' "$BASE$journal"))"
echo "== cell save: POST /s/demo/teacher/journal/cell, lesson $lesson, fresh operation id per request"
wrk -t1 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency -s "$work/save.lua" "$BASE" | sed -n '/Latency Distribution/,/read$/p;/Non-2xx/p;/Requests\/sec/p'
