#!/usr/bin/env bash
# Start-up of one-shot commands, side by side with an empty Spring Boot app that prints a line.
# Runs every case ROUNDS times, alternating case by case (round 1: all cases, round 2: all cases, ...), and prints
# the median wall and CPU (user + system) time of each case and its ratio to the empty app.
#
#   ./mvnw -B -o -q install -DskipTests
#   ato-sample-app/bench/startup.sh [ROUNDS] [JAVA]          # defaults: 7, java on the PATH
#
# With a JAVA of version 25 or later, the sample's AOT cache is recorded (ato-sample-app/aot-cache.sh) and
# `manual` with that cache is one more case.
#
# Both apps run from an exploded class path (java -cp), so the comparison is not about jar loading. The empty app
# (dev.ato.autoconfigure.bench.empty.EmptyBootApp, in the autoconfigure module's test classes) gets only what
# spring-boot-starter brings: Boot, its auto-configuration, Spring core/context, logging, SnakeYAML.
set -euo pipefail
ROUNDS=${1:-7}
JAVA=${2:-java}
JAVA_OPTS=${JAVA_OPTS:-}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$ROOT"
./mvnw -B -o -q -pl ato-sample-app dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
SAMPLE_CP="$ROOT/ato-sample-app/target/classes:$(cat "$WORK/cp.txt")"
EMPTY_CP="$ROOT/ato-spring-boot-autoconfigure/target/test-classes:$(tr ':' '\n' < "$WORK/cp.txt" \
  | grep -E '/(spring-boot|spring-boot-autoconfigure|spring-core|spring-context|spring-beans|spring-aop|spring-expression|commons-logging|logback-classic|logback-core|slf4j-api|log4j-to-slf4j|log4j-api|jul-to-slf4j|snakeyaml|micrometer-observation|micrometer-commons|jspecify)-[0-9]' \
  | paste -sd:)"
if [ ! -f "$ROOT/ato-spring-boot-autoconfigure/target/test-classes/dev/ato/autoconfigure/bench/empty/EmptyBootApp.class" ]; then
  ./mvnw -B -o -q -pl ato-spring-boot-autoconfigure test-compile >/dev/null
fi
cd "$WORK"   # a fresh directory: the sample's experiments.db is created here
"$JAVA" $JAVA_OPTS -cp "$SAMPLE_CP" dev.ato.sample.SampleApplication train fast train.epochs=1 >/dev/null 2>&1 || true

declare -a NAMES=("empty Boot app" "manual" "print" "why train.lr" "help" "runs list" "runs best")
declare -a CMDS=(
  "$JAVA $JAVA_OPTS -cp $EMPTY_CP dev.ato.autoconfigure.bench.empty.EmptyBootApp"
  "$JAVA $JAVA_OPTS -cp $SAMPLE_CP dev.ato.sample.SampleApplication manual"
  "$JAVA $JAVA_OPTS -cp $SAMPLE_CP dev.ato.sample.SampleApplication print"
  "$JAVA $JAVA_OPTS -cp $SAMPLE_CP dev.ato.sample.SampleApplication why train.lr"
  "$JAVA $JAVA_OPTS -cp $SAMPLE_CP dev.ato.sample.SampleApplication help"
  "$JAVA $JAVA_OPTS -cp $SAMPLE_CP dev.ato.sample.SampleApplication runs list"
  "$JAVA $JAVA_OPTS -cp $SAMPLE_CP dev.ato.sample.SampleApplication runs best --metric val_acc")
# On Java 25 and later, also the sample's documented AOT-cache step (aot-cache.sh) and `manual` with its cache
FEATURE=$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
if [ "${FEATURE%%.*}" -ge 25 ] 2>/dev/null && [ -f "$ROOT/ato-sample-app/target/ato-sample-app.jar" ]; then
  "$ROOT/ato-sample-app/aot-cache.sh" "$JAVA" >/dev/null 2>&1
  AOT="$ROOT/ato-sample-app/target/aot"
  NAMES+=("manual, AOT cache")
  CMDS+=("$JAVA $JAVA_OPTS -XX:AOTCache=$AOT/app.aot -jar $AOT/ato-sample-app.jar manual")
fi
for ((r = 1; r <= ROUNDS; r++)); do
  for i in "${!CMDS[@]}"; do
    /usr/bin/time -f "%e %U %S" -o "$WORK/t" ${CMDS[$i]} >/dev/null 2>"$WORK/err" \
      || { echo "failed: ${NAMES[$i]}"; cat "$WORK/err"; exit 1; }
    read -r wall user sys < "$WORK/t"
    echo "$i $wall $(echo "$user + $sys" | bc)" >> "$WORK/times"
  done
done
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
EMPTY_WALL=$(awk '$1 == 0 {print $2}' "$WORK/times" | median)
EMPTY_CPU=$(awk '$1 == 0 {print $3}' "$WORK/times" | median)
printf "%s, %d alternating rounds, %s\n" "$("$JAVA" -version 2>&1 | head -1)" "$ROUNDS" "${JAVA_OPTS:-no options}"
printf "| %-16s | %8s | %8s | %10s | %10s |\n" case "wall s" "CPU s" "wall ratio" "CPU ratio"
printf "| %-16s | %8s | %8s | %10s | %10s |\n" --- ---: ---: ---: ---:
for i in "${!CMDS[@]}"; do
  wall=$(awk -v i="$i" '$1 == i {print $2}' "$WORK/times" | median)
  cpu=$(awk -v i="$i" '$1 == i {print $3}' "$WORK/times" | median)
  printf "| %-16s | %8.2f | %8.2f | %10.2f | %10.2f |\n" "${NAMES[$i]}" "$wall" "$cpu" \
    "$(echo "$wall / $EMPTY_WALL" | bc -l)" "$(echo "$cpu / $EMPTY_CPU" | bc -l)"
done
