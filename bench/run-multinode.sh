#!/usr/bin/env bash
# The many-nodes benchmark from a fresh clone: builds and installs every module (skipping tests), then runs
# dev.signet.bench.multinode.MultiNodeBench in its own JVM; the emulator and three platform nodes start as child JVMs
# from app/target/signet.jar, on a fresh schema of the PostgreSQL database (dropped at the end).
#
#   bench/run-multinode.sh [sizes] [kill|kill-half|no-kill] [jdbc-url]
#   bench/run-multinode.sh 5000                 # 5,000 bots, one join_at, n1 killed once all are in call
#   bench/run-multinode.sh 1000,5000 kill-half  # two sizes; n1 killed once half are in call
#
# The URL defaults to jdbc:postgresql://127.0.0.1:5432/test?user=postgres. Environment: JAVA_HOME (JDK 25);
# SIGNET_BENCH_MVN_ARGS (extra Maven arguments, e.g. -o); SIGNET_BENCH_SKIP_BUILD=1 (reuse the last build);
# SIGNET_BENCH_JAVA_OPTS (the bench's JVM, e.g. -Dbench.leadSeconds=120); SIGNET_BENCH_NODE_OPTS (each node's JVM,
# after -Xmx1g); SIGNET_BENCH_EMULATOR_OPTS (after -Xmx2g).
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
  exec "$java" -Xmx512m ${SIGNET_BENCH_JAVA_OPTS:-} -Dsignet.jar="$root/app/target/signet.jar" \
    -cp "$cp" dev.signet.bench.multinode.MultiNodeBench "$@"
}
