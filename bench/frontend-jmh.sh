#!/usr/bin/env bash
# JMH benchmark of the Dockerfile frontend: parse + convert of a generated 1,000-instruction multi-stage
# Dockerfile. Compiles the test sources (where the benchmark lives, so `mvn verify` does not run it), runs
# JMH and prints the average time per conversion. Extra arguments go to JMH (e.g. -f 2 -wi 3).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
. "$here/bin/java-home"
cd "$here"
./mvnw -B -q -pl kiln-frontend -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
cp="kiln-frontend/target/test-classes:kiln-frontend/target/classes:$(cat kiln-frontend/target/test-classpath.txt)"
out=kiln-frontend/target/jmh-result.json
"$JAVA_HOME/bin/java" -cp "$cp" org.openjdk.jmh.Main ConvertBenchmark -rf json -rff "$out" "$@"
"$JAVA_HOME/bin/java" -cp "$cp" dev.kiln.frontend.dockerfile.convert.bench.JmhScore "$out"
