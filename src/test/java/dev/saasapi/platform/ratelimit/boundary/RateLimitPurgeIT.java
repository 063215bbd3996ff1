package dev.saasapi.platform.ratelimit.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saasapi.it.InContainerIT;
import dev.saasapi.platform.persistence.control.ApplicationDataSource;
import dev.saasapi.platform.ratelimit.control.FailureThrottle;
import dev.saasapi.platform.ratelimit.control.RateLimiter;
import dev.saasapi.platform.ratelimit.entity.RateLimitPolicy;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Expired limit state is deleted by the instance itself: buckets that are full again, and the
 * failures of emails that have been quiet for a day; live state is kept.
 */
class RateLimitPurgeIT extends InContainerIT {

    private static final RateLimitPolicy POLICY = new RateLimitPolicy("purge-test", 2, Duration.ofSeconds(30));

    @Inject
    RateLimits limits;

    @Inject
    RateLimiter limiter;

    @Inject
    FailureThrottle throttle;

    @Test
    void deletesExpiredBucketsAndForgottenFailuresAndKeepsLiveOnes() throws Exception {
        String expiredClient = UUID.randomUUID().toString();
        String liveClient = UUID.randomUUID().toString();
        limiter.take(POLICY, expiredClient);
        limiter.take(POLICY, liveClient);
        long now = System.currentTimeMillis();
        long expiresAt =
                query("SELECT expires_at FROM rate_limit_buckets WHERE key = ?", RateLimiter.key(POLICY, liveClient));
        // one request to refill (15 s), then Bucket4j's 10 s of grace
        assertTrue(
                expiresAt > now && expiresAt <= now + 26_000, "a bucket expires once full again: " + (expiresAt - now));
        update("UPDATE rate_limit_buckets SET expires_at = 1 WHERE key = ?", RateLimiter.key(POLICY, expiredClient));

        String forgotten = FailureThrottle.loginKey(UUID.randomUUID() + "@example.com");
        String recent = FailureThrottle.loginKey(UUID.randomUUID() + "@example.com");
        throttle.failed(forgotten, 900);
        throttle.failed(recent, 900);
        update("UPDATE failure_throttles SET forget_at = now() - INTERVAL '1 second' WHERE key = ?", forgotten);

        limits.removeExpired();

        assertEquals(
                0,
                query("SELECT count(*) FROM rate_limit_buckets WHERE key = ?", RateLimiter.key(POLICY, expiredClient)));
        assertEquals(
                1, query("SELECT count(*) FROM rate_limit_buckets WHERE key = ?", RateLimiter.key(POLICY, liveClient)));
        assertEquals(0, query("SELECT count(*) FROM failure_throttles WHERE key = ?", forgotten));
        assertEquals(1, query("SELECT count(*) FROM failure_throttles WHERE key = ?", recent));
    }

    @Test
    void runsFromStartUp() {
        assertTrue(limits.scheduled(), "scheduled when the application started");
    }

    private static long query(String sql, String key) throws Exception {
        try (Connection connection = database().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, key);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static void update(String sql, String key) throws Exception {
        try (Connection connection = database().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, key);
            assertEquals(1, statement.executeUpdate());
        }
    }

    private static DataSource database() throws Exception {
        return InitialContext.doLookup(ApplicationDataSource.JNDI_NAME);
    }
}
