package org.civicledger.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Both services as real processes that a fault test can kill (SIGKILL) and start again on the same port, with
 * JDBC access to the database under them to count what the store and the read models really hold.
 */
final class FaultRig implements AutoCloseable {

    static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final String host;
    private final int postgresPort;
    private final String database;
    private final String user;
    private final String password;
    private final Map<String, String> commandEnv;
    private final Map<String, String> queryEnv;
    private final int commandPort = freePort();
    private final int queryPort = freePort();
    ServiceProcess commandService;
    ServiceProcess queryService;
    Api api;

    FaultRig(String host, int postgresPort, String database, String user, String password, String bootstrapServers,
             Map<String, String> commandExtra) {
        this.host = host;
        this.postgresPort = postgresPort;
        this.database = database;
        this.user = user;
        this.password = password;
        Map<String, String> env = Map.of(
                "CIVIC_DB_URL", jdbcUrl(database),
                "CIVIC_DB_USER", user,
                "CIVIC_DB_PASSWORD", password,
                "CIVIC_KAFKA_BOOTSTRAP", bootstrapServers);
        this.commandEnv = new HashMap<>(env);
        commandEnv.put("CIVIC_CLERKS_0_USERNAME", Deployment.CLERK);
        commandEnv.put("CIVIC_CLERKS_0_PASSWORD", Deployment.PASSWORD_HASH);
        commandEnv.putAll(commandExtra);
        this.queryEnv = new HashMap<>(env);
    }

    private static int freePort() {
        try {
            return ServiceProcess.freePort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String jdbcUrl(String db) {
        return "jdbc:postgresql://" + host + ":" + postgresPort + "/" + db;
    }

    FaultRig start() throws Exception {
        commandService = ServiceProcess.start("command-service", commandEnv, commandPort);
        queryService = ServiceProcess.start("query-service", queryEnv, queryPort);
        commandService.awaitHealthy(START_TIMEOUT);
        queryService.awaitHealthy(START_TIMEOUT);
        api = new Api(commandService, queryService, Deployment.CLERK, Deployment.PASSWORD);
        return this;
    }

    void restartCommandService() throws Exception {
        commandService = ServiceProcess.start("command-service", commandEnv, commandPort);
        commandService.awaitHealthy(START_TIMEOUT);
        api = new Api(commandService, queryService, Deployment.CLERK, Deployment.PASSWORD);
    }

    /** A query-service of its own, on another database (its read models rebuilt from the topic); not yet healthy. */
    ServiceProcess startQueryServiceOn(String db, Map<String, String> extra, int port) throws Exception {
        Map<String, String> env = new HashMap<>(queryEnv);
        env.put("CIVIC_DB_URL", jdbcUrl(db));
        env.putAll(extra);
        return ServiceProcess.start("query-service", env, port);
    }

    Connection connect() throws SQLException {
        return connect(database);
    }

    Connection connect(String db) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(db), user, password);
    }

    void createDatabase(String db) throws SQLException {
        try (Connection c = connect(); var s = c.createStatement()) {
            s.execute("CREATE DATABASE " + db);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (commandService != null) {
            commandService.close();
        }
        if (queryService != null) {
            queryService.close();
        }
    }
}
