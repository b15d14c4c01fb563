#!/usr/bin/env bash
# Alerts benchmark (issue 6): alerts delivered per second to a local webhook receiver from a
# backlog of claims, and claim-to-delivery latency at a steady 100 alerts/s.
#   bench/alerts.sh [CLAIMS] [CHANNELS] [LATENCY-SECONDS]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
(cd "$root" && ./mvnw -q -B -DskipTests -Dspotless.check.skip=true package -pl bench -am)
cp="$root/bench/target/newshound-bench-0.1.0-SNAPSHOT.jar:$(ls "$root"/bench/target/lib/*.jar | tr '\n' ':')"
exec java -Xmx1g -cp "$cp" io.newshound.bench.AlertsBench "$@"
