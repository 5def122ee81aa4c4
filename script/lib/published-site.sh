# Sourced by script/test: publishes the site as README's "Deploy" says, starts the published folder from
# another working directory on a free loopback port, and reads /health and a page with the sample content.

check_published_site() {
  local work out log pid url status
  work=$(mktemp -d)
  out="$work/out"
  log="$work/site.log"
  dotnet publish -c Release -o "$out" -nologo -v quiet 2>&1 | grep -v NETSDK1194 || true
  [ -f "$out/FactCheck.Web.dll" ] || { echo "dotnet publish made no FactCheck.Web.dll" >&2; return 1; }

  # From / with a clean environment for the site: nothing may come from the checkout.
  # exec: $! is the site itself, so the kill below stops it.
  (cd / && exec env -u ASPNETCORE_CONTENTROOT ASPNETCORE_ENVIRONMENT=Production \
    dotnet "$out/FactCheck.Web.dll" --urls "http://127.0.0.1:0" >"$log" 2>&1) &
  pid=$!
  url=""
  for _ in $(seq 1 240); do
    url=$(grep -o 'Now listening on: http://127.0.0.1:[0-9]*' "$log" | head -1 | sed 's/Now listening on: //') || true
    [ -n "$url" ] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  status=0
  if [ -z "$url" ]; then
    echo "The published site did not start:" >&2; cat "$log" >&2; status=1
  else
    /usr/bin/python3 - "$url" <<'PY' || status=1
import json, sys, urllib.request
base = sys.argv[1]
health = json.load(urllib.request.urlopen(base + "/health", timeout=30))
assert health["status"] == "healthy", health
page = urllib.request.urlopen(base + "/en/", timeout=30).read().decode()
# A sample advisory from content/, imported on first start from the published copy.
assert "Coinbase notice" in page, page[:500]
css = urllib.request.urlopen(base + "/css/site.css", timeout=30)
assert css.status == 200
print(f"published site: /health {health['status']} ({health['checks']['images']['description']}), /en/ lists the sample content, /css/site.css served")
PY
  fi
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  [ "$status" -eq 0 ] || cat "$log" >&2
  rm -rf "$work"
  return "$status"
}
