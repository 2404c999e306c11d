#!/usr/bin/env bash
# Adds every symbol that the public API analyzer reports as undeclared (RS0016) to
# PublicAPI.Unshipped.txt, then sorts the file. Review the diff: the public API is deliberate.
set -euo pipefail
cd "$(dirname "$0")/.."
file=src/Sciatica.Rules/PublicAPI.Unshipped.txt
dotnet build src/Sciatica.Rules/Sciatica.Rules.csproj --no-incremental 2>&1 \
  | grep -o "RS0016: Symbol '.*' is not part of the declared public API" \
  | sed -E "s/^RS0016: Symbol '(.*)' is not part of the declared public API$/\1/" \
  | sort -u > /tmp/public-api-new.txt || true
{ tail -n +2 "$file"; cat /tmp/public-api-new.txt; } | grep -v '^$' | sort -u > /tmp/public-api-all.txt
{ echo '#nullable enable'; cat /tmp/public-api-all.txt; } > "$file"
echo "added $(wc -l < /tmp/public-api-new.txt) symbols"
