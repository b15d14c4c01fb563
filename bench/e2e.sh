#!/usr/bin/env bash
# End-to-end benchmark (issue 8): the packaged services at a sustained article rate against a
# local site, with a pass-through baseline on the same broker and records; prints one table.
#   bench/e2e.sh [RATE] [MINUTES] [FEEDS] [services|all-in-one]
# NEWSHOUND_BENCH_NO_BASELINE=1 leaves out the pass-through and enrich-alone runs.
# NEWSHOUND_BENCH_SERVICE_OPTS="-Dnewshound.commit-interval-ms=100" passes JVM options to the services.
# NEWSHOUND_BENCH_PROFILE=SERVICE:/path/to/libasyncProfiler.so=start,event=cpu,file=F.txt,collapsed
# profiles one service while it runs.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
(cd "$root" && ./mvnw -q -B -DskipTests -Dspotless.check.skip=true package -pl app,bench -am)
cp="$root/bench/target/newshound-bench-0.1.0-SNAPSHOT.jar:$(ls "$root"/bench/target/lib/*.jar | tr '\n' ':')"
exec java -Xmx512m -Dnewshound.jar="$root/app/target/newshound.jar" -cp "$cp" \
  io.newshound.bench.EndToEndBench "${1:-200}" "${2:-10}" "${3:-100}" "${4:-services}"
