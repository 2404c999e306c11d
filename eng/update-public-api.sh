#!/usr/bin/env bash
# Keeps PublicAPI.Unshipped.txt in step with the code: adds every symbol the public API analyzer reports
# as undeclared (RS0016) and drops unshipped lines it reports as gone (RS0017). Review the diff: the
# public API is deliberate, and a shipped line (PublicAPI.Shipped.txt) is never removed by this script.
set -euo pipefail
cd "$(dirname "$0")/.."
# Usage: eng/update-public-api.sh [project folder under src/, default Sciatica.Rules]
project="${1:-Sciatica.Rules}"
file="src/$project/PublicAPI.Unshipped.txt"
out="$(dotnet build "src/$project/$project.csproj" --no-incremental 2>&1 || true)"
grep -o "RS0016: Symbol '.*' is not part of the declared public API" <<<"$out" \
  | sed -E "s/^RS0016: Symbol '(.*)' is not part of the declared public API$/\1/" | sort -u > /tmp/public-api-add.txt || true
grep -o "RS0017: Symbol '.*' is part of the declared API, but is either not public or could not be found" <<<"$out" \
  | sed -E "s/^RS0017: Symbol '(.*)' is part of the declared API.*$/\1/" | sort -u > /tmp/public-api-drop.txt || true
{ tail -n +2 "$file" | grep -vxF -f /tmp/public-api-drop.txt || true; cat /tmp/public-api-add.txt; } | grep -v '^$' | sort -u > /tmp/public-api-all.txt
{ echo '#nullable enable'; cat /tmp/public-api-all.txt; } > "$file"
echo "added $(wc -l < /tmp/public-api-add.txt), dropped $(wc -l < /tmp/public-api-drop.txt) symbols"
