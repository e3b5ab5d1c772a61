# query-service: the public read API.
# Build context: the repository root, after
#   ./mvnw -B -ntp -DskipTests package
# The jar must exist first: docker compose only copies it.
FROM eclipse-temurin:17-jre

# curl is for the health check in docker-compose.yml.
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --no-create-home civic

WORKDIR /app
COPY query-service/target/query-service.jar /app/app.jar
USER civic

ENV SERVER_PORT=8082 \
    JAVA_OPTS="-XX:MaxRAMPercentage=75"
EXPOSE 8082
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/app.jar"]
