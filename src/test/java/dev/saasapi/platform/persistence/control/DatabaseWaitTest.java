package dev.saasapi.platform.persistence.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.saasapi.platform.config.control.InvalidConfigurationException;
import jakarta.resource.spi.ResourceAllocationException;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class DatabaseWaitTest {

    @Test
    void aRefusedLoginStopsStartUpAtOnceInsteadOfWaiting() {
        AtomicInteger attempts = new AtomicInteger();
        // as Payara's pool reports it: its own exceptions around the driver's
        SQLException refused = new SQLException("FATAL: password authentication failed for user \"app\"", "28P01");
        ResourceAllocationException pool = new ResourceAllocationException("Connection could not be allocated");
        pool.initCause(refused);
        DataSource dataSource = failing(attempts, new SQLException("Error in allocating a connection", null, pool));

        InvalidConfigurationException stop =
                assertThrows(InvalidConfigurationException.class, () -> DatabaseWait.untilReachable(dataSource, 2));

        assertEquals(
                "the database in DATABASE_URL refused the login: FATAL: password authentication failed for user"
                        + " \"app\" (check the user, password and database name)",
                stop.getMessage());
        assertEquals(1, attempts.get(), "not retried");
    }

    @Test
    void anUnreachableDatabaseIsWaitedForThenNamed() {
        AtomicInteger attempts = new AtomicInteger();
        DataSource dataSource =
                failing(attempts, new SQLException("Connection refused", "08001", new java.net.ConnectException()));

        InvalidConfigurationException stop =
                assertThrows(InvalidConfigurationException.class, () -> DatabaseWait.untilReachable(dataSource, 1));

        assertEquals(
                "the database in DATABASE_URL cannot be reached (waited 1 s, DATABASE_WAIT_SECONDS): Connection refused",
                stop.getMessage());
        assertEquals(2, attempts.get(), "tried again after a second");
    }

    private static DataSource failing(AtomicInteger attempts, SQLException failure) {
        return (DataSource) Proxy.newProxyInstance(
                DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        attempts.incrementAndGet();
                        throw failure;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
