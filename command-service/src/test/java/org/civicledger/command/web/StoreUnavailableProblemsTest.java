package org.civicledger.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.axonframework.common.jdbc.JdbcException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.CannotCreateTransactionException;

class StoreUnavailableProblemsTest {

    private final StoreUnavailableProblems handler = new StoreUnavailableProblems();

    @Test
    void givenPostgresShuttingDown_whenALookupFails_thenEventStoreUnavailable() {
        var e = new JdbcException("Failed to create a SQL statement",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        assertThat(handler.storeUnreachable(e).getProperties()).containsEntry("rule", "event-store-unavailable");
        assertThat(handler.storeUnreachable(e).getStatus()).isEqualTo(503);
    }

    @Test
    void givenAConnectionHikariEvicted_whenUsedAgain_thenEventStoreUnavailable() {
        var e = new JdbcException("Failed to create a SQL statement", new SQLException("Connection is closed"));
        assertThat(handler.storeUnreachable(e).getStatus()).isEqualTo(503);
    }

    @Test
    void givenNoConnectionWithinTheTimeout_whenATransactionStarts_thenEventStoreUnavailable() {
        var e = new CannotCreateTransactionException("Could not open JDBC Connection",
                new SQLTransientConnectionException("Connection is not available, request timed out after 3000ms."));
        assertThat(handler.storeUnreachable(e).getStatus()).isEqualTo(503);
    }

    @Test
    void givenAnSqlErrorThatIsNotAboutTheConnection_thenStillInternalError() {
        var e = new JdbcException("bad statement", new SQLException("syntax error", "42601"));
        assertThat(handler.storeUnreachable(e).getStatus()).isEqualTo(500);
        assertThat(StoreUnavailableProblems.connectionLost(new DataIntegrityViolationException("dup"))).isFalse();
    }
}
