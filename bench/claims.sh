#!/usr/bin/env bash
# Claim extraction scored on PolNeAR (issue 5): content-span overlap recall and precision.
# The corpus is not part of this repository; pass the path of a checkout of it.
#   bench/claims.sh PATH-TO-PolNeAR [train|dev] [MIN-OVERLAP]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
(cd "$root" && ./mvnw -q -B -DskipTests -Dspotless.check.skip=true package -pl bench -am)
cp="$root/bench/target/newshound-bench-0.1.0-SNAPSHOT.jar:$(ls "$root"/bench/target/lib/*.jar | tr '\n' ':')"
exec java ${BENCH_JAVA_OPTS:-} -cp "$cp" io.newshound.bench.ClaimsScore "$@"
