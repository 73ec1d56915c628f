#!/bin/sh
# The digits benchmark of issue 19 (docs/benchmarks.md, "Digits against Optuna"): Ato's DigitsSearchHarness, then
# Optuna 3.1 (Debian's python3-optuna under /usr/bin/python3) driving the same Java training through
# DigitsObjectiveServer, then the table and docs/images/search-digits.png.
#   sh bench/search/digits.sh [seeds]          (default 20; needs gnuplot with pngcairo)
# Builds with the reactor (no install): the sample app's classes, its tests and the autoconfigure module's classes
# come first on the class path, ahead of any installed snapshot.
set -eu
cd "$(dirname "$0")/../.."
SEEDS=${1:-20}
OUT=${OUT:-target/search-digits}
mkdir -p "$OUT"
./mvnw -B -q -o -pl ato-sample-app -am test-compile
./mvnw -B -q -o -pl ato-sample-app dependency:build-classpath -Dmdep.outputFile="$PWD/$OUT/cp.txt" \
    -Dmdep.includeScope=test
CP="ato-sample-app/target/test-classes:ato-sample-app/target/classes:ato-spring-boot-autoconfigure/target/classes"
CP="$CP:$(tr ':' '\n' < "$OUT/cp.txt" | grep -v '/dev/ato/ato-spring-boot-' | paste -sd: -)"
java -cp "$CP" dev.ato.sample.training.DigitsSearchHarness "$SEEDS" "$OUT/ato.csv"
/usr/bin/python3 bench/search/optuna_digits.py "$CP" "$SEEDS" "$OUT/optuna.csv"
/usr/bin/python3 bench/search/report.py --name search-digits --quantity "validation error" \
    --checkpoints 3,5,10,15,20,30 --yrange 0.02:0.15 "$OUT/ato.csv" "$OUT/optuna.csv" | tee "$OUT/table.md"
