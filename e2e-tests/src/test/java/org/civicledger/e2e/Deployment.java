package org.civicledger.e2e;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;

/** Both services as they are deployed, against the given PostgreSQL and Kafka, with one clerk account. */
final class Deployment implements AutoCloseable {

    static final String CLERK = "maribeth-witzel-behl";
    static final String PASSWORD = "s3cret";
    static final String PASSWORD_HASH = "{bcrypt}$2a$10$cxLg36HNySHHUQ5SRYO3wuIJHygS.I6lB5ytAhocTIIY/Auw1bSqu";

    final ServiceProcess commandService;
    final ServiceProcess queryService;
    final Api api;

    private Deployment(ServiceProcess commandService, ServiceProcess queryService) {
        this.commandService = commandService;
        this.queryService = queryService;
        this.api = new Api(commandService, queryService, CLERK, PASSWORD);
    }

    /** {@code queryEnv}: settings for the query side only (e.g. the city that heads the minutes). */
    static Deployment start(PostgreSQLContainer<?> postgres, KafkaContainer kafka, Map<String, String> queryEnv)
            throws Exception {
        Map<String, String> env = Map.of(
                "CIVIC_DB_URL", postgres.getJdbcUrl(),
                "CIVIC_DB_USER", postgres.getUsername(),
                "CIVIC_DB_PASSWORD", postgres.getPassword(),
                "CIVIC_KAFKA_BOOTSTRAP", kafka.getBootstrapServers());
        Map<String, String> commandEnv = new HashMap<>(env);
        commandEnv.put("CIVIC_CLERKS_0_USERNAME", CLERK);
        commandEnv.put("CIVIC_CLERKS_0_PASSWORD", PASSWORD_HASH);
        Map<String, String> queryServiceEnv = new HashMap<>(env);
        queryServiceEnv.putAll(queryEnv);
        ServiceProcess queries = ServiceProcess.start("query-service", queryServiceEnv);
        commandEnv.put("CIVIC_QUERY_URL", queries.url(""));   // where the clerk console reads the public record
        ServiceProcess commands = ServiceProcess.start("command-service", commandEnv);
        commands.awaitHealthy(Duration.ofSeconds(120));
        queries.awaitHealthy(Duration.ofSeconds(120));
        return new Deployment(commands, queries);
    }

    @Override
    public void close() throws InterruptedException {
        commandService.close();
        queryService.close();
    }
}
