#!/usr/bin/env bash
# Cold start as whole processes, each measured against an empty console program in the same run (interleaved,
# so a busy machine slows every row alike):
#   - the CLI sample's `select --profile` as `dotnet publish -r <rid>` makes it (ReadyToRun), in text and JSON,
#     and the same CLI published without ReadyToRun (every method compiled by the JIT);
#   - the phases of the first decision in a fresh process (benchmarks/Sciatica.Rules.ColdStart): the process
#     time up to and including each phase, so the difference between two rows is what a phase costs.
# Usage: benchmarks/cold-start.sh [runs per row, default 20]; RID overrides the runtime (default linux-x64).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-20}"
rid="${RID:-linux-x64}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
profile=samples/profiles/herniated-disc-l5.json

publish() { dotnet publish "$1" -c Release -r "$rid" --self-contained false -o "$2" "${@:3}" > "$out/publish.log" || { cat "$out/publish.log"; exit 1; }; }
publish samples/Sciatica.Rules.Cli/Sciatica.Rules.Cli.csproj "$out/cli"
publish samples/Sciatica.Rules.Cli/Sciatica.Rules.Cli.csproj "$out/cli-jit" -p:PublishReadyToRun=false
publish benchmarks/Sciatica.Rules.ColdStart/Sciatica.Rules.ColdStart.csproj "$out/phases"
publish benchmarks/Sciatica.Rules.ColdStart/Sciatica.Rules.ColdStart.csproj "$out/phases-jit" -p:PublishReadyToRun=false

labels=(
  "empty console program (baseline)"
  "CLI select --profile, text (ReadyToRun)"
  "CLI select --profile, json (ReadyToRun)"
  "CLI select --profile, text (JIT only)"
  "phase 0: runtime only (ReadyToRun)"
  "phase 1: + default catalog"
  "phase 2: + default engine"
  "phase 3: + read the profile"
  "phase 4: + first decision"
  "phase 0: runtime only (JIT only)"
  "phase 1: + default catalog (JIT only)"
  "phase 4: + first decision (JIT only)"
)
commands=(
  "$out/phases/Sciatica.Rules.ColdStart hello"
  "$out/cli/sciatica-rules select --profile $profile"
  "$out/cli/sciatica-rules select --profile $profile --format json"
  "$out/cli-jit/sciatica-rules select --profile $profile"
  "$out/phases/Sciatica.Rules.ColdStart phases 0 $profile"
  "$out/phases/Sciatica.Rules.ColdStart phases 1 $profile"
  "$out/phases/Sciatica.Rules.ColdStart phases 2 $profile"
  "$out/phases/Sciatica.Rules.ColdStart phases 3 $profile"
  "$out/phases/Sciatica.Rules.ColdStart phases 4 $profile"
  "$out/phases-jit/Sciatica.Rules.ColdStart phases 0 $profile"
  "$out/phases-jit/Sciatica.Rules.ColdStart phases 1 $profile"
  "$out/phases-jit/Sciatica.Rules.ColdStart phases 4 $profile"
)

# Every command once, so that files are in the page cache and each one works.
for command in "${commands[@]}"; do $command > /dev/null; done

for ((run = 0; run < runs; run++)); do
  for i in "${!commands[@]}"; do
    start=$(date +%s%N)
    ${commands[$i]} > /dev/null
    end=$(date +%s%N)
    echo "$i $(((end - start) / 1000))" >> "$out/times"
  done
done

echo "$runs runs per row, interleaved; whole process, milliseconds (min / median / max)"
for i in "${!labels[@]}"; do
  awk -v row="$i" '$1 == row { print $2 / 1000 }' "$out/times" | sort -n | awk -v label="${labels[$i]}" \
    '{ t[NR] = $1 } END { printf "%-45s %6.1f %6.1f %6.1f\n", label, t[1], t[int((NR + 1) / 2)], t[NR] }'
done
