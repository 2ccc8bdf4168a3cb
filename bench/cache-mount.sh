#!/usr/bin/env bash
# cache-mount.sh - how much RUN --mount=type=cache speeds up the rebuild of a package-install step.
#
# What it simulates: a step like `RUN apt-get install` / `pip install -r requirements.txt` that downloads
# PKGS packages of PKG_MB MB each (incompressible .tar.gz files of random bytes, like real packages) from a
# package mirror and unpacks them into the image. The mirror is a local HTTP server on 127.0.0.1 (Python's
# http.server) that sends at RATE_MBPS MB/s, standing in for a real mirror reached over the network; the
# step downloads with busybox wget through the container's (host) network and unpacks with tar. The
# Dockerfile copies requirements.txt first, so editing it invalidates the step, as in real projects.
#
#   with:    RUN --mount=type=cache,target=/var/cache/pkgs ...   downloads only what the cache lacks
#   without: the same step downloading into /tmp and deleting it  downloads everything every time
#
# For each variant: a fresh state root, one cold build (pulls the base, fills the cache), then RUNS
# rebuilds, each after a change to requirements.txt (a comment line, so the same packages are needed).
# Reported: the median wall time of the rebuilds (the whole `kiln build`, JVM start-up included) and of
# the install step alone (its DONE time in the plain progress output), and the speedups.
#
# Usage: bench/cache-mount.sh            (root; runc; registry from shared/testenv/setup.sh; built kiln)
# Environment: RUNS (3), PKGS (10), PKG_MB (5), RATE_MBPS (10), BASE (127.0.0.1:5000/library/busybox:latest)
set -euo pipefail

here=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
kiln="$here/bin/kiln"
RUNS=${RUNS:-3}
PKGS=${PKGS:-10}
PKG_MB=${PKG_MB:-5}
RATE_MBPS=${RATE_MBPS:-10}
BASE=${BASE:-127.0.0.1:5000/library/busybox:latest}

work=$(mktemp -d /tmp/kiln-bench-cachemount.XXXXXX)
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
  [ -n "${KEEP:-}" ] || rm -rf "$work"
}
trap cleanup EXIT

# The packages: random bytes do not compress, so each .tar.gz is PKG_MB MB on the wire.
mkdir -p "$work/mirror" "$work/src"
for i in $(seq 1 "$PKGS"); do
  head -c "$((PKG_MB * 1024 * 1024))" /dev/urandom > "$work/src/pkg$i.bin"
  tar -czf "$work/mirror/pkg$i.tar.gz" -C "$work/src" "pkg$i.bin"
done

# The mirror: sends every file at RATE_MBPS MB/s, in 64 KiB chunks.
cat > "$work/mirror.py" <<'PY'
import http.server, os, sys, time
root, rate = sys.argv[1], float(sys.argv[2]) * 1024 * 1024
class Throttled(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        path = os.path.join(root, os.path.basename(self.path))
        if not os.path.isfile(path):
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Length", str(os.path.getsize(path)))
        self.end_headers()
        start, sent = time.monotonic(), 0
        with open(path, "rb") as f:
            while chunk := f.read(65536):
                self.wfile.write(chunk)
                sent += len(chunk)
                ahead = sent / rate - (time.monotonic() - start)
                if ahead > 0:
                    time.sleep(ahead)
    def log_message(self, *args):
        pass
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Throttled)
with open(os.path.join(root, "..", "port"), "w") as f:
    f.write(str(server.server_address[1]))
server.serve_forever()
PY
python3 "$work/mirror.py" "$work/mirror" "$RATE_MBPS" &
server_pid=$!
for _ in $(seq 1 100); do [ -s "$work/port" ] && break; sleep 0.05; done
port=$(cat "$work/port")

install='for p in $(grep -v "^#" /req/requirements.txt); do'
write_context() { # NAME RUN-LINE
  mkdir -p "$work/$1"
  seq 1 "$PKGS" | sed 's/^/pkg/; s/$/.tar.gz/' > "$work/$1/requirements.txt"
  cat > "$work/$1/Dockerfile" <<EOF
FROM $BASE
COPY requirements.txt /req/
$2
EOF
}
write_context with "RUN --mount=type=cache,target=/var/cache/pkgs : install-packages; mkdir -p /opt/app; \\
    $install if [ ! -f /var/cache/pkgs/\$p ]; then wget -q -O /var/cache/pkgs/\$p.part http://127.0.0.1:$port/\$p \\
    && mv /var/cache/pkgs/\$p.part /var/cache/pkgs/\$p; fi; tar -xzf /var/cache/pkgs/\$p -C /opt/app; done"
write_context without "RUN : install-packages; mkdir -p /opt/app /tmp/dl; \\
    $install wget -q -O /tmp/dl/\$p http://127.0.0.1:$port/\$p && tar -xzf /tmp/dl/\$p -C /opt/app; done; rm -rf /tmp/dl"

# One build; prints "WALL STEP" in seconds.
build() { # VARIANT
  local log="$work/$1.log" start end
  start=$EPOCHREALTIME
  "$kiln" build --root "$work/root-$1" --progress=plain "$work/$1" > "$log" 2>&1 || { cat "$log" >&2; exit 1; }
  end=$EPOCHREALTIME
  local vertex step
  vertex=$(grep -m1 -E '^#[0-9]+ \[.*install-packages' "$log" | cut -d' ' -f1)
  step=$(grep -E "^$vertex DONE " "$log" | awk '{print $3}' | tr -d s)
  echo "$(echo "$end - $start" | bc -l) $step"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

declare -A wall step
for variant in with without; do
  sync
  build "$variant" > /dev/null   # cold: base image pulled, cache filled
  : > "$work/$variant.times"
  for run in $(seq 1 "$RUNS"); do
    echo "# change $run" >> "$work/$variant/requirements.txt"
    sync
    build "$variant" >> "$work/$variant.times"
  done
  wall[$variant]=$(cut -d' ' -f1 "$work/$variant.times" | median)
  step[$variant]=$(cut -d' ' -f2 "$work/$variant.times" | median)
done

printf 'packages: %d x %d MB from a mirror at %s MB/s; %d rebuilds per variant (medians)\n' \
  "$PKGS" "$PKG_MB" "$RATE_MBPS" "$RUNS"
printf '%-28s %12s %12s %9s\n' "" "with cache" "without" "speedup"
printf '%-28s %11.2fs %11.2fs %8.1fx\n' "rebuild, install step" "${step[with]}" "${step[without]}" \
  "$(echo "${step[without]} / ${step[with]}" | bc -l)"
printf '%-28s %11.2fs %11.2fs %8.1fx\n' "rebuild, whole kiln build" "${wall[with]}" "${wall[without]}" \
  "$(echo "${wall[without]} / ${wall[with]}" | bc -l)"
