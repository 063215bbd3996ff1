# saas-api container image: the WAR built with the Maven wrapper on a JDK, run on the official
# Payara Micro image. Build: docker build -t saas-api .   Run: see README, "Deploying".
# Nothing secret is baked in: DATABASE_URL, JWT_PRIVATE_KEY… come from the environment at run time.

# Build stage; also the image of the compose `tests` service, which runs the test suite in it.
FROM eclipse-temurin:17.0.17_10-jdk AS build
WORKDIR /workspace
ENV MAVEN_ARGS="--batch-mode --no-transfer-progress"
# Maven and the dependencies first, in a layer of their own that only a change to pom.xml rebuilds.
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
RUN ./mvnw dependency:go-offline
COPY liquibase/ liquibase/
COPY payara/ payara/
COPY src/ src/
# The tests run in CI (and in the compose `tests` service) against a real PostgreSQL, not here.
RUN ./mvnw -DskipTests -Dspotless.check.skip=true package

# Runtime stage. The tag is the payara-micro version of pom.xml (a test keeps the two equal).
FROM payara/micro:6.2025.10-jdk17
# Read-only for the server's user: the application and its Payara configuration belong to root.
COPY payara/ /opt/payara/config/
COPY --from=build /workspace/target/ROOT.war /opt/payara/deployments/ROOT.war
# The image's unprivileged `payara` user, by number so that runAsNonRoot can verify it.
USER 1000:1000
EXPOSE 8000
# Ready = deployed and serving: /health/ready answers 200. Bash's /dev/tcp, as the image has no curl.
HEALTHCHECK --interval=10s --timeout=5s --start-period=90s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8000 && printf 'GET /health/ready HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && read -r -t 4 status <&3 && [[ $status == 'HTTP/1.1 200'* ]]"]
# Heap: half the container's memory limit. Beyond the heap, Payara needs about 360 MB under load
# (metaspace, code cache, threads, native buffers; measured in BENCHMARKS.md), so 75% would let a 1 GiB
# container outgrow its limit and be killed. An OutOfMemoryError ends the process so that the
# orchestrator restarts it. More JVM options: JAVA_TOOL_OPTIONS. One node: no Hazelcast data grid.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=50.0", "-XX:+ExitOnOutOfMemoryError", "-jar", "/opt/payara/payara-micro.jar"]
CMD ["--nohazelcast", "--port", "8000", "--prebootcommandfile", "/opt/payara/config/pre-boot-commands.asadmin", "--systemproperties", "/opt/payara/config/system.properties", "--logproperties", "/opt/payara/config/logging.properties", "--deploy", "/opt/payara/deployments/ROOT.war"]
