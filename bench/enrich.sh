#!/usr/bin/env bash
# Enrich benchmarks (issue 4): topic tagging with 10 vs 10,000 rules, story lookups with
# 1,000 vs 1,000,000 stories in the window, and the whole topology against a pass-through one
# on an embedded broker (started in a child process).
#   bench/enrich.sh tagging [SECONDS]
#   bench/enrich.sh stories [SECONDS] [STORIES]
#   bench/enrich.sh topology [ARTICLES] [THREADS]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
(cd "$root" && ./mvnw -q -B -DskipTests -Dspotless.check.skip=true package -pl bench -am)
cp="$root/bench/target/newshound-bench-0.1.0-SNAPSHOT.jar:$(ls "$root"/bench/target/lib/*.jar | tr '\n' ':')"
exec java -Xmx2g ${BENCH_JAVA_OPTS:-} -cp "$cp" io.newshound.bench.EnrichBench "$@"
