#!/bin/sh
# The search-quality benchmark of issue 19 (docs/benchmarks.md, "Sampled search quality"): Ato's harness, Optuna 3.1's
# baseline (Debian's python3-optuna under /usr/bin/python3), then the tables and docs/images/search-quality.png.
#   sh bench/search/run.sh [seeds]          (default 20; needs gnuplot with pngcairo)
# Nothing is installed into the local Maven repository: the module's own classes come first on the class path.
set -eu
cd "$(dirname "$0")/../.."
SEEDS=${1:-20}
OUT=${OUT:-target/search-quality}
mkdir -p "$OUT"
./mvnw -B -q -o -pl ato-spring-boot-autoconfigure test-compile dependency:build-classpath \
    -Dmdep.outputFile="$PWD/$OUT/cp.txt" -Dmdep.includeScope=test
M=ato-spring-boot-autoconfigure/target
java -cp "$M/test-classes:$M/classes:$(cat "$OUT/cp.txt")" dev.ato.hyperopt.SearchQualityHarness "$SEEDS" "$OUT/ato.csv"
/usr/bin/python3 bench/search/optuna_baseline.py "$SEEDS" "$OUT/optuna.csv"
/usr/bin/python3 bench/search/report.py "$OUT/ato.csv" "$OUT/optuna.csv" | tee "$OUT/table.md"
