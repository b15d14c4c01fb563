#!/usr/bin/env bash
# Ingest benchmark: 10,000 feeds on a local HTTP server (issue 3's targets).
#   bench/ingest.sh [FEEDS] [SECONDS]
# Ingest runs in a JVM limited to a 512 MB heap; the broker and the site run in another process.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
(cd "$root" && ./mvnw -q -B -DskipTests -Dspotless.check.skip=true package -pl bench -am)
cp="$root/bench/target/newshound-bench-0.1.0-SNAPSHOT.jar:$(ls "$root"/bench/target/lib/*.jar | tr '\n' ':')"
exec java -Xmx512m -cp "$cp" io.newshound.bench.IngestBench "${1:-10000}" "${2:-30}"
