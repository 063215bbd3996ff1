package dev.saasapi.platform.persistence.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import jakarta.resource.spi.ResourceAllocationException;
import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class SqlErrorsTest {

    @Test
    void lostOrRefusedConnectionsAndAnExhaustedPoolMeanTheDatabaseIsUnavailable() {
        assertTrue(SqlErrors.databaseUnavailable(
                new PersistenceException(new SQLException("Connection refused", "08001", new ConnectException()))));
        assertTrue(SqlErrors.databaseUnavailable(new SQLException("I/O error", "08006")));
        assertTrue(SqlErrors.databaseUnavailable(new SQLException("terminating connection", "57P01")));
        assertTrue(SqlErrors.databaseUnavailable(new SQLException("too many connections", "53300")));
        assertTrue(SqlErrors.databaseUnavailable(new RuntimeException(new SQLException(
                "Error in allocating a connection",
                new ResourceAllocationException("In-use connections equal max-pool-size")))));
    }

    @Test
    void badStatementsAndOtherFailuresAreNot() {
        assertFalse(SqlErrors.databaseUnavailable(new SQLException("duplicate key", SqlErrors.UNIQUE_VIOLATION)));
        assertFalse(SqlErrors.databaseUnavailable(new SQLException("syntax error", "42601")));
        assertFalse(SqlErrors.databaseUnavailable(new SQLException("no state")));
        assertFalse(SqlErrors.databaseUnavailable(new IllegalStateException("bug")));
    }

    @Test
    void deadlocksAndSerializationFailuresAreConflictsToRetryNothingElse() {
        assertTrue(SqlErrors.transactionConflict(
                new PersistenceException(new SQLException("deadlock detected", "40P01"))));
        assertTrue(SqlErrors.transactionConflict(new SQLException("could not serialize access", "40001")));
        assertFalse(SqlErrors.transactionConflict(new SQLException("duplicate key", SqlErrors.UNIQUE_VIOLATION)));
        assertFalse(SqlErrors.transactionConflict(new SQLException("I/O error", "08006")));
        assertFalse(SqlErrors.transactionConflict(new SQLException("no state")));
        assertFalse(SqlErrors.transactionConflict(new IllegalStateException("bug")));
    }
}
