#!/usr/bin/env bash
# One step to a CLI that starts in well under a second on JDK 25: extracts the packaged jar (an AOT cache needs
# plain jars on the class path, not Boot's nested ones) and records the AOT cache with one training run of `manual`.
#
#   ./mvnw -q -DskipTests package
#   ato-sample-app/aot-cache.sh [JAVA]                 # JAVA: a JDK 25 or later (default: java on the PATH)
#   java -XX:AOTCache=ato-sample-app/target/aot/app.aot -jar ato-sample-app/target/aot/ato-sample-app.jar manual
#
# Without -XX:AOTCache the extracted jar runs as before, on any JDK from 17; re-run this script after each build.
set -euo pipefail
JAVA=${1:-java}
HERE=$(cd "$(dirname "$0")" && pwd)
OUT="$HERE/target/aot"
FEATURE=$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
if [ "${FEATURE%%.*}" -lt 25 ] 2>/dev/null; then
  echo "aot-cache.sh: $JAVA is Java $FEATURE; the one-step AOT cache (-XX:AOTCacheOutput) needs Java 25 or later" >&2
  exit 2
fi
if [ ! -f "$HERE/target/ato-sample-app.jar" ]; then
  echo "aot-cache.sh: no $HERE/target/ato-sample-app.jar; run ./mvnw -q -DskipTests package first" >&2
  exit 2
fi
rm -rf "$OUT"
"$JAVA" -Djarmode=tools -jar "$HERE/target/ato-sample-app.jar" extract --destination "$OUT" >/dev/null
TRAINING=$(mktemp -d)   # the training run leaves nothing in the working directory
trap 'rm -rf "$TRAINING"' EXIT
(cd "$TRAINING" && "$JAVA" -XX:AOTCacheOutput="$OUT/app.aot" -jar "$OUT/ato-sample-app.jar" manual >/dev/null)
echo "AOT cache: $OUT/app.aot ($(du -h "$OUT/app.aot" | cut -f1)). Run with:"
echo "  $JAVA -XX:AOTCache=$OUT/app.aot -jar $OUT/ato-sample-app.jar manual"
