#!/usr/bin/env bash
# Kiln vs dockerd's BuildKit on the reference Dockerfile (bench/reference): cold, fully cached and
# after a one-file change, RUNS times each (median), plus the per-RUN overhead of 20 `RUN true`
# steps against a bare `runc run`. Prints a Markdown table with Kiln/BuildKit ratios.
# Usage: bench/reference.sh [RUNS]   (root; installs and starts dockerd through shared/testenv)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-3}
shared=${KILN_SHARED_DIR:-$here/../shared}
bash "$shared/testenv/setup.sh" --debian --dockerd >/dev/null
. "$here/bin/java-home"
(cd "$here" && ./mvnw -B -q -DskipTests package && bin/train-aot >/dev/null)
# Other worktrees on this machine run the same script: give each its own state root (KILN_BENCH_ROOT).
export KILN_BENCH_ROOT=${KILN_BENCH_ROOT:-/var/tmp/kiln-bench-ref}
kiln="$here/bench/kiln-tool.sh"
docker=/usr/bin/docker
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$here/bench/reference" "$work/ctx"

now() { date +%s.%N; }
timed() { local t0 t1; sync; t0=$(now); "$@" >"$work/last.log" 2>&1 || { tail -20 "$work/last.log"; exit 1; }; t1=$(now); echo "$t1 - $t0" | bc; }
drop() { sync; echo 3 > /proc/sys/vm/drop_caches; }
reset_kiln() { rm -rf "$KILN_BENCH_ROOT"; drop; }
reset_docker() { $docker image prune -af >/dev/null; $docker builder prune -af >/dev/null; drop; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
range() { sort -n | awk 'NR==1 {lo=$1} {hi=$1} END {printf "%.2f-%.2f", lo, hi}'; }
build_kiln() { "$kiln" build --progress=plain -t kiln-ref:bench "$work/ctx"; }
build_docker() { DOCKER_BUILDKIT=1 $docker build --progress=plain -t kiln-ref:bench "$work/ctx"; }

declare -A result
for tool in kiln docker; do
  cold=() cached=() app=()
  for i in $(seq "$runs"); do
    echo hello > "$work/ctx/app.txt"
    "reset_$tool"; cold+=("$(timed "build_$tool")")
    cached+=("$(timed "build_$tool")")
    echo "change $i $RANDOM" > "$work/ctx/app.txt"
    app+=("$(timed "build_$tool")")
  done
  for v in cold cached app; do
    declare -n values=$v
    result[$tool,$v]=$(printf '%s\n' "${values[@]}" | median)
    result[$tool,$v,range]=$(printf '%s\n' "${values[@]}" | range)
  done
done

# Per-RUN overhead: 20 RUN true steps minus the same build with none, per step, against runc alone. Each round
# times 20 bare `runc run`s right after its two builds and takes its own difference, so a noisy minute on a
# shared machine weighs on both sides of the round; the overhead reported is the median of the rounds'.
mkdir -p "$work/runs"
{ echo 'FROM 127.0.0.1:5000/library/busybox:latest'; for i in $(seq 20); do echo "RUN true # $i"; done; } > "$work/runs/Dockerfile"
echo 'FROM 127.0.0.1:5000/library/busybox:latest' > "$work/runs/Zero.Dockerfile"
bundle="$work/bundle"; mkdir -p "$bundle/rootfs/bin"; cp "$(command -v busybox)" "$bundle/rootfs/bin/true"
(cd "$bundle" && runc spec && sed -i 's/"terminal": true/"terminal": false/; s/"sh"/"\/bin\/true"/' config.json)
bare_runc() {
  local i t0 t1
  for i in $(seq 20); do t0=$(now); runc run --bundle "$bundle" "bench-$i" >/dev/null 2>&1; t1=$(now); echo "($t1 - $t0) * 1000" | bc -l; done | median
}
steps=() zero=() per=() bare=() overhead=()
for i in $(seq "$runs"); do
  reset_kiln; "$kiln" build -f "$work/runs/Zero.Dockerfile" "$work/runs" >/dev/null 2>&1
  zero+=("$(timed "$kiln" build --no-cache -f "$work/runs/Zero.Dockerfile" "$work/runs")")
  steps+=("$(timed "$kiln" build --no-cache "$work/runs")")
  per+=("$(echo "(${steps[-1]} - ${zero[-1]}) / 20 * 1000" | bc -l)")
  bare+=("$(bare_runc)")
  overhead+=("$(echo "${per[-1]} - ${bare[-1]}" | bc -l)")
done
per_step=$(printf '%s\n' "${per[@]}" | median)
runc_ms=$(printf '%s\n' "${bare[@]}" | median)
overhead_ms=$(printf '%s\n' "${overhead[@]}" | median)

printf '| scenario | Kiln s, median (min-max) | BuildKit s, median (min-max) | Kiln/BuildKit |\n|---|---|---|---|\n'
for v in cold cached app; do
  k=${result[kiln,$v]} d=${result[docker,$v]}
  printf '| %s | %.2f (%s) | %.2f (%s) | %.2f |\n' "$v" "$k" "${result[kiln,$v,range]}" "$d" \
    "${result[docker,$v,range]}" "$(echo "$k / $d" | bc -l)"
done
printf '\nPer RUN step (20 x RUN true, --no-cache, median of %s rounds): %.1f ms; bare runc run (median of 20 per round):' \
  "$runs" "$per_step"
printf ' %.1f ms; overhead beyond runc (median of the rounds): %.1f ms (rounds: %s)\n' "$runc_ms" "$overhead_ms" \
  "$(printf '%.1f ' "${overhead[@]}")"
printf 'Builds with 20 steps: %s s; with none: %s s\n' "$(printf '%s\n' "${steps[@]}" | range)" \
  "$(printf '%s\n' "${zero[@]}" | range)"
