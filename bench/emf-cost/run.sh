#!/usr/bin/env bash
# What publishing one request's metrics costs on a cold JVM, three ways (docs/performance.md, section 6):
# the project's EMF writer (chipcast.core.metrics.Emf), aws-embedded-metrics 4.1.2 and Powertools metrics 2.9.0.
# Each run is a fresh JVM with Lambda's flags on the ChipSpecFunction jar; the project's mapper has written a
# record first, as a function has by the time it publishes. Needs `mvn -B -DskipTests package` first.
#   bench/emf-cost/run.sh [RUNS]        (default 12, round-robin)
set -euo pipefail
cd "$(dirname "$0")"
runs="${1:-12}"
work=../../bench/target/emf-cost
mkdir -p "$work/libs" "$work/classes"
fn=../../functions/chip-spec/target/chip-spec-function-lambda.jar
cat > "$work/pom.xml" <<'POM'
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>dev.chipcast</groupId><artifactId>emf-cost</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>software.amazon.lambda</groupId><artifactId>powertools-metrics</artifactId><version>2.9.0</version></dependency>
  </dependencies>
</project>
POM
(cd "$work" && mvn -q -B dependency:copy-dependencies -DoutputDirectory=libs >&2)
# The function jar already holds Jackson, the Lambda interfaces, CRaC and SLF4J: only what each library adds.
emf=$(ls "$work"/libs/*.jar | grep -E "aws-embedded|jsr310|javatuples|commons-lang3" | tr '\n' ':')
pt=$(ls "$work"/libs/*.jar | grep -v -E "jackson-(core|databind|annotations)-|aws-lambda-java-core|crac|slf4j-api" | tr '\n' ':')
javac -d "$work/classes" -cp "$fn:$pt" EmfCost.java
flags="-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto"
for _ in $(seq 1 "$runs"); do
  for subject in own aws-emf powertools; do
    case $subject in own) cp="$fn:$work/classes" ;; aws-emf) cp="$fn:$work/classes:$emf" ;; *) cp="$fn:$work/classes:$pt" ;; esac
    AWS_LAMBDA_FUNCTION_NAME=ChipSpecFunction java $flags -cp "$cp" EmfCost "$subject" 2>&1 | grep '^RESULT'
  done
done
