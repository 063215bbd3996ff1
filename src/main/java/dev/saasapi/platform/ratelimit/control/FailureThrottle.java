package dev.saasapi.platform.ratelimit.control;

import dev.saasapi.platform.persistence.control.ApplicationDataSource;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Consecutive failures per subject in PostgreSQL, shared by every instance: after {@code n} failures
 * in a row the subject waits {@code min(2^(n-1), max)} seconds before its next attempt. A subject
 * that has failed before can have one attempt at a time: taking it already sets the wait the next
 * failure would set, so parallel guesses cannot slip in between. Counted in the database's clock, so
 * instances with drifting clocks agree. A subject with no failure for a day starts again from none.
 *
 * <p>Bucket4j's token buckets refill at a fixed rate; a wait that doubles with every failure and
 * ends at once on success is not a bucket, so this is its own small table.
 */
@ApplicationScoped
public class FailureThrottle {

    public static final String TABLE = "failure_throttles";
    private static final Pattern NUMBERED = Pattern.compile("\\?(\\d)");

    /** More doublings than this make no difference to any cap up to a day (2^17 s > 1 d). */
    private static final int MAX_DOUBLINGS = 30;

    /**
     * What a check found.
     *
     * @param allowed whether the attempt may go on
     * @param failedBefore whether the subject has recent failures (a success must then forget them)
     * @param failures the failures in a row so far
     * @param retryAfterSeconds when refused, the seconds until the next attempt
     * @param firstRefusal whether this is the first refusal since the failures began
     */
    public record Check(
            boolean allowed, boolean failedBefore, int failures, long retryAfterSeconds, boolean firstRefusal) {}

    @Resource(lookup = ApplicationDataSource.JNDI_NAME)
    DataSource dataSource;

    /** Takes the subject's next attempt if it is not waiting: one statement, outside any transaction. */
    public Check attempt(String key, long maxWaitSeconds) {
        Object[] found = row("""
                        WITH claimed AS (
                          UPDATE failure_throttles
                             SET blocked_until = now() + LEAST(?2, 2 ^ LEAST(failures, ?3)) * INTERVAL '1 second'
                           WHERE key = ?1 AND blocked_until <= now() AND forget_at > now()
                          RETURNING failures)
                        SELECT t.failures, CEIL(EXTRACT(EPOCH FROM t.blocked_until - now()))::bigint,
                               (SELECT count(*) FROM claimed)
                          FROM (SELECT 1) AS one
                          LEFT JOIN failure_throttles t ON t.key = ?1 AND t.forget_at > now()
                        """, key, maxWaitSeconds, MAX_DOUBLINGS);
        if (found[0] == null) {
            return new Check(true, false, 0, 0, false);
        }
        int failures = ((Number) found[0]).intValue();
        if (((Number) found[2]).longValue() == 1) {
            return new Check(true, true, failures, 0, false);
        }
        long waiting = ((Number) found[1]).longValue();
        // not waiting but not taken: another request took the attempt a moment ago and set the next wait
        long retryAfter = waiting > 0 ? waiting : waitAfter(failures + 1, maxWaitSeconds);
        boolean first =
                update("UPDATE failure_throttles SET announced = true WHERE key = ?1 AND NOT announced", key) == 1;
        return new Check(false, true, failures, Math.max(1, retryAfter), first);
    }

    /** One more failure in a row: the subject waits twice as long as after the last one. One statement. */
    public void failed(String key, long maxWaitSeconds) {
        update("""
                        INSERT INTO failure_throttles AS t (key, failures, blocked_until, forget_at, announced)
                        VALUES (?1, 1, now() + LEAST(?2, 1) * INTERVAL '1 second', now() + INTERVAL '1 day', false)
                        ON CONFLICT (key) DO UPDATE SET
                          failures = CASE WHEN t.forget_at > now() THEN t.failures + 1 ELSE 1 END,
                          blocked_until = now() + LEAST(?2, 2 ^ LEAST(
                              CASE WHEN t.forget_at > now() THEN t.failures ELSE 0 END, ?3)) * INTERVAL '1 second',
                          forget_at = now() + INTERVAL '1 day',
                          announced = t.announced AND t.forget_at > now()
                        """, key, maxWaitSeconds, MAX_DOUBLINGS);
    }

    /**
     * The subject starts again from no failures. Inside a transaction the connection takes part in it,
     * so a change that rolls back forgets nothing.
     */
    public void forget(String key) {
        update("DELETE FROM failure_throttles WHERE key = ?1", key);
    }

    /** Deletes the rows of subjects with no failure for a day. */
    public int removeForgotten() {
        return update("DELETE FROM failure_throttles WHERE forget_at <= now()");
    }

    private Object[] row(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet result = statement.executeQuery()) {
            result.next();
            Object[] row = new Object[result.getMetaData().getColumnCount()];
            for (int i = 0; i < row.length; i++) {
                row[i] = result.getObject(i + 1);
            }
            return row;
        } catch (SQLException e) {
            throw new IllegalStateException("failure throttle: " + e.getMessage(), e);
        }
    }

    private int update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("failure throttle: " + e.getMessage(), e);
        }
    }

    /** JDBC has only {@code ?}: the statements above number theirs ({@code ?1}) to use one value twice. */
    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        StringBuilder jdbc = new StringBuilder();
        List<Object> values = new ArrayList<>();
        Matcher numbered = NUMBERED.matcher(sql);
        while (numbered.find()) {
            values.add(parameters[Integer.parseInt(numbered.group(1)) - 1]);
            numbered.appendReplacement(jdbc, "?");
        }
        numbered.appendTail(jdbc);
        PreparedStatement statement = connection.prepareStatement(jdbc.toString());
        for (int i = 0; i < values.size(); i++) {
            statement.setObject(i + 1, values.get(i));
        }
        return statement;
    }

    /** The row of an email's failed logins. */
    public static String loginKey(String email) {
        return RateLimitSettings.LOGIN_ACCOUNT_POLICY + ":" + RateLimiter.hashedSubject(email);
    }

    /** The wait after {@code failures} failures in a row. */
    public static long waitAfter(int failures, long maxWaitSeconds) {
        return failures < 1 ? 0 : Math.min(maxWaitSeconds, 1L << Math.min(failures - 1, MAX_DOUBLINGS));
    }
}
