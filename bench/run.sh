#!/usr/bin/env bash
# Runs every ChipCast benchmark and prints its tables (markdown) to stdout; progress goes to stderr.
#   ./bench/run.sh                 all: artifact sizes, SnapStart proxy, cold start, recalculation at scale, JMH warm path
#   ./bench/run.sh snapstart       one of: sizes snapstart coldstart recalc jmh
# COLDSTART_RUNS (default 10), RECALC_SIZES (default 1000,5000,10000), JMH_ARGS (JMH's run settings, replacing the defaults),
# BASELINE_ROOT: a checkout of an earlier commit with `mvn -o -DskipTests package` run in it; its function
# jars join the cold-start rounds as "before: ..." (e.g. git archive <commit> | tar -x -C /tmp/base).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
WHAT=${1:-all}

if [ "${SKIP_BUILD:-}" != "1" ]; then
  # package, not install: one reactor build, nothing written to the shared ~/.m2
  mvn -B -q -DskipTests -Pbench package >&2
fi

T=bench/target
RUNNER="java -Dchipcast.root=$ROOT -cp $T/chipcast-bench-runner.jar"

if [ "$WHAT" = all ] || [ "$WHAT" = sizes ]; then
  echo "## Artifact size per function (bytes; goal <= 10,000,000)"
  echo
  echo "| jar | bytes |"
  echo "|---|---:|"
  for jar in functions/*/target/*-function-lambda.jar $T/chipcast-bench-*-floor.jar; do
    printf '| %s | %s |\n' "$jar" "$(stat -c %s "$jar")"
  done
  echo
fi

if [ "$WHAT" = all ] || [ "$WHAT" = snapstart ]; then
  $RUNNER -Dproxy.warm="${PROXY_WARM:-300}" chipcast.bench.SnapStartProxy
  echo
fi

if [ "$WHAT" = all ] || [ "$WHAT" = coldstart ]; then
  $RUNNER -Dcoldstart.runs="${COLDSTART_RUNS:-10}" \
    -Dbench.harnessJar="$T/chipcast-bench-harness.jar" \
    -Dbench.floorJar="$(ls $T/chipcast-bench-*-floor.jar)" \
    -Dbench.noopJar="$(ls $T/chipcast-bench-*-noop.jar)" \
    -Dbench.baselineRoot="${BASELINE_ROOT:-}" \
    chipcast.bench.ColdStartBenchmark
fi

if [ "$WHAT" = all ] || [ "$WHAT" = recalc ]; then
  $RUNNER -Drecalc.sizes="${RECALC_SIZES:-1000,5000,10000}" chipcast.bench.RecalculationAtScale
fi

if [ "$WHAT" = all ] || [ "$WHAT" = jmh ]; then
  # Modest settings so the whole run takes minutes: 1 fork, 3 x 1 s warm-up, 5 x 1 s measurement.
  # JMH_ARGS replaces them (JMH refuses an option given twice), e.g. JMH_ARGS="-f 2 -wi 5 -w 2s -i 10 -r 2s".
  JMH_SETTINGS=${JMH_ARGS:--f 1 -wi 3 -w 1s -i 5 -r 1s}
  $RUNNER org.openjdk.jmh.Main $JMH_SETTINGS -rf text -rff $T/jmh.txt >&2
  echo "## Warm path (JMH: $JMH_SETTINGS)"
  echo
  echo '```'
  cat $T/jmh.txt
  echo '```'
fi
