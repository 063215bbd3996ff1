package dev.saasapi.platform.ratelimit.control;

import dev.saasapi.platform.persistence.control.ApplicationDataSource;
import dev.saasapi.platform.ratelimit.entity.RateLimitPolicy;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Token buckets in PostgreSQL (Bucket4j), so that a limit holds across every instance and survives a
 * restart. Each check is its own short database transaction (Bucket4j commits it), so it must never
 * run inside the request's JTA transaction. When the database cannot be reached the limit is not
 * enforced: the request goes on (and meets the database outage itself), with one warning a minute.
 */
@ApplicationScoped
public class RateLimiter {

    public static final String TABLE = "rate_limit_buckets";
    private static final Logger LOG = Logger.getLogger(RateLimiter.class.getName());
    private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    /** What a check found: allowed or not, what is left, and when to try again. */
    public record Decision(RateLimitPolicy policy, boolean allowed, long remaining, long retryAfterSeconds) {

        /** The draft's {@code RateLimit} item: {@code "login";r=0;t=17}. */
        public String header() {
            return "\"" + policy.name() + "\";r=" + remaining + ";t=" + retryAfterSeconds;
        }
    }

    @Resource(lookup = ApplicationDataSource.JNDI_NAME)
    DataSource dataSource;

    @Resource
    TransactionSynchronizationRegistry transactions;

    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);
    private volatile PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

    /**
     * Takes one request from {@code client}'s bucket of this policy.
     *
     * @param client who is limited: an address, or a hash of an email
     * @return the decision; allowed when the policy is off or the database cannot be reached
     */
    public Decision take(RateLimitPolicy policy, String client) {
        if (!policy.enabled()) {
            return new Decision(policy, true, Long.MAX_VALUE, 0);
        }
        if (transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION) {
            throw new IllegalStateException("a rate limit is checked outside the request's transaction");
        }
        try {
            ConsumptionProbe probe = buckets()
                    .builder()
                    .build(policy.name() + ":" + client, () -> configuration(policy))
                    .tryConsumeAndReturnRemaining(1);
            long waitNanos = probe.isConsumed() ? 0 : probe.getNanosToWaitForRefill();
            return new Decision(policy, probe.isConsumed(), probe.getRemainingTokens(), ceilSeconds(waitNanos));
        } catch (RuntimeException e) {
            warnAtMostOnceAMinute(policy, e);
            return new Decision(policy, true, policy.limit(), 0);
        }
    }

    /** Deletes buckets that are full again; the next request of their client starts a new one. */
    public int removeExpired(int batchSize) {
        return buckets().removeExpired(batchSize);
    }

    /** Refilled one request at a time, evenly over the period: no burst at the start of each period. */
    static BucketConfiguration configuration(RateLimitPolicy policy) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(policy.limit())
                        .refillGreedy(policy.limit(), policy.period())
                        .build())
                .build();
    }

    private PostgreSQLSelectForUpdateBasedProxyManager<String> buckets() {
        PostgreSQLSelectForUpdateBasedProxyManager<String> read = buckets;
        if (read == null) {
            synchronized (this) {
                if (buckets == null) {
                    buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                            .primaryKeyMapper(PrimaryKeyMapper.STRING)
                            .table(TABLE)
                            .idColumn("key")
                            .stateColumn("state")
                            .expiresAtColumn("expires_at")
                            .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                                    Duration.ofSeconds(10)))
                            .build();
                }
                read = buckets;
            }
        }
        return read;
    }

    private void warnAtMostOnceAMinute(RateLimitPolicy policy, RuntimeException e) {
        long now = System.nanoTime();
        long last = lastWarning.get();
        if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
            LOG.warning(() -> "Rate limits are not enforced: their state cannot be read (" + policy.name() + "): "
                    + (e.getCause() != null ? e.getCause() : e) + "; requests go on; said once a minute");
        }
        LOG.log(Level.FINE, "rate limit check failed", e);
    }

    private static long ceilSeconds(long nanos) {
        return nanos <= 0 ? 0 : (nanos + 999_999_999L) / 1_000_000_000L;
    }
}
