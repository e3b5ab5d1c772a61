# One-shot loader of the Madison demo (infra/demo/madison.sh) for docker-compose.yml.
# Build context: the repository root.
FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends bash ca-certificates curl jq \
 && rm -rf /var/lib/apt/lists/*
COPY infra/demo/madison.sh /usr/local/bin/madison.sh
ENTRYPOINT ["/usr/local/bin/madison.sh"]
CMD ["http://command-service:8081", "http://query-service:8082"]
