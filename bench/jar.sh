# Sourced by the bench scripts: the jar they run (built when missing or older than the sources) and the
# JVM options of every run.
jar=target/syncdoctor.jar
# -XX:TieredStopAtLevel=1: the JIT setting the launcher gives every command but serve.
java_opts="${JAVA_OPTS--Xmx512m -XX:TieredStopAtLevel=1}"
[ -f "$jar" ] && [ -z "$(find src/main pom.xml -newer "$jar" -print -quit)" ] || mvn -B -q -ntp -DskipTests package
