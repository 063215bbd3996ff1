package dev.saasapi.it;

import dev.saasapi.platform.persistence.control.ApplicationDataSource;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * An integration test that runs inside the suite's Payara Micro, in the deployed application
 * ({@link SuiteDeployment} adds every subclass to the WAR): its {@code @Inject} fields are the
 * application's beans, its transactions the server's, its database the suite's PostgreSQL. For what
 * is best checked from inside: transactions, locks, events between features, scheduled work.
 */
@ExtendWith(ArquillianExtension.class)
@Execution(ExecutionMode.SAME_THREAD) // Arquillian's state is per thread: the suite's classes share one
public abstract class InContainerIT {

    /** Runs {@code work} in a transaction of its own and commits it. */
    protected static <T> T committed(Callable<T> work) throws Exception {
        UserTransaction transaction = userTransaction();
        transaction.begin();
        try {
            T result = work.call();
            transaction.commit();
            return result;
        } catch (Exception | Error e) {
            rollBackIfActive(transaction);
            throw e;
        }
    }

    /** Runs {@code work} in a transaction of its own and rolls it back, as a failure after it would. */
    protected static void rolledBack(Callable<?> work) throws Exception {
        UserTransaction transaction = userTransaction();
        transaction.begin();
        try {
            work.call();
        } finally {
            transaction.rollback();
        }
    }

    /** What {@code work} logs through the named logger, as messages. */
    protected static List<String> logged(String logger, Work work) throws Exception {
        List<String> messages = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                messages.add(record.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger target = Logger.getLogger(logger);
        target.addHandler(capture);
        try {
            work.run();
        } finally {
            target.removeHandler(capture);
        }
        return messages;
    }

    /** Code under test that may throw anything. */
    @FunctionalInterface
    protected interface Work {
        void run() throws Exception;
    }

    private static void rollBackIfActive(UserTransaction transaction) {
        try {
            if (transaction.getStatus() != jakarta.transaction.Status.STATUS_NO_TRANSACTION) {
                transaction.rollback();
            }
        } catch (Exception ignored) {
            // the original failure is the one to report
        }
    }

    private static UserTransaction userTransaction() throws NamingException {
        return InitialContext.doLookup("java:comp/UserTransaction");
    }

    /** The first column of the first row of a query with one parameter, through the application's datasource. */
    protected static long count(String sql, Object parameter) throws Exception {
        DataSource database = InitialContext.doLookup(ApplicationDataSource.JNDI_NAME);
        try (Connection connection = database.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
