#!/usr/bin/env bash
# The platform benchmark from a fresh clone: builds and installs every module (skipping tests), then runs
# dev.signet.bench.platform.PlatformBench in its own JVM; the emulator and the broker start as child JVMs from
# app/target/signet.jar.
#
#   bench/run-platform.sh [sizes] [jdbc-url]
#   bench/run-platform.sh                                    # 1000,5000,10000 on embedded H2
#   bench/run-platform.sh 1000,5000,10000 'jdbc:postgresql://127.0.0.1:5432/test?user=postgres'   # a fresh schema
#
# Environment: JAVA_HOME (JDK 25); SIGNET_BENCH_MVN_ARGS (extra Maven arguments, e.g. -o);
# SIGNET_BENCH_SKIP_BUILD=1 (reuse the last build); SIGNET_BENCH_JAVA_OPTS (the platform's JVM, e.g.
# -XX:StartFlightRecording=filename=platform.jfr,settings=profile); SIGNET_BENCH_EMULATOR_OPTS, SIGNET_BENCH_BROKER_OPTS;
# SIGNET_DATABASE_POOL_SIZE and SIGNET_DATABASE_WRITERS are passed to the platform when set.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# shellcheck disable=SC2086 # the option variables hold several words on purpose
{
  if [ "${SIGNET_BENCH_SKIP_BUILD:-}" != 1 ]; then
    mvn -q -B ${SIGNET_BENCH_MVN_ARGS:-} install -DskipTests
  fi
  # exec:exec prints the bench module's class path (exec-maven-plugin 3.5.0 runs on Maven 3.8.7).
  cp="$(mvn -B ${SIGNET_BENCH_MVN_ARGS:-} -pl bench org.codehaus.mojo:exec-maven-plugin:3.5.0:exec \
    -Dexec.executable=echo -Dexec.args=%classpath | grep '^/' | tail -n 1)"
  exec "$java" -Xmx4g ${SIGNET_BENCH_JAVA_OPTS:-} -Dsignet.jar="$root/app/target/signet.jar" \
    -cp "$cp" dev.signet.bench.platform.PlatformBench "$@"
}
