#!/usr/bin/env bash
# Runs bin/kiln the way the benchmark scripts call a builder: state in $KILN_BENCH_ROOT (default
# /var/tmp/kiln-bench), docker.io pulled through the local registry mirror as dockerd's is.
case $0 in */*) here=${0%/*}/.. ;; *) here=.. ;; esac # no subprocess: it is part of every timed build
export KILN_ROOT=${KILN_BENCH_ROOT:-/var/tmp/kiln-bench}
export KILN_CONFIG=${KILN_CONFIG:-$here/bench/kiln-bench.toml}
exec "$here/bin/kiln" "$@"
