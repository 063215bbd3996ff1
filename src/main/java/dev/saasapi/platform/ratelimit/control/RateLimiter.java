package dev.saasapi.platform.ratelimit.control;

import dev.saasapi.platform.http.control.IpAddresses;
import dev.saasapi.platform.persistence.control.ApplicationDataSource;
import dev.saasapi.platform.ratelimit.entity.RateLimitPolicy;
import dev.saasapi.platform.secrets.control.SecretTokens;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
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

    @Inject
    LimitOutageWarning outage;

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
                    .build(key(policy, client), () -> configuration(policy))
                    .tryConsumeAndReturnRemaining(1);
            long waitNanos = probe.isConsumed() ? 0 : probe.getNanosToWaitForRefill();
            return new Decision(policy, probe.isConsumed(), probe.getRemainingTokens(), ceilSeconds(waitNanos));
        } catch (RuntimeException e) {
            outage.notEnforced(policy.name(), e);
            return new Decision(policy, true, policy.limit(), 0);
        }
    }

    /** The bucket of a policy and client: {@code "login:203.0.113.7"}. */
    public static String key(RateLimitPolicy policy, String client) {
        return policy.name() + ":" + client;
    }

    /**
     * The client of a per-address policy: an IPv4 address as it is, an IPv6 address as its /64
     * network ({@code 2001:db8:1:2:0:0:0:0/64}), since one subscriber gets a whole /64 and could
     * otherwise pick a new address for every request. Anything else (not an IP literal) as it is.
     */
    public static String addressKey(String client) {
        return IpAddresses.parse(client)
                .map(address -> {
                    if (!(address instanceof Inet6Address)) {
                        return address.getHostAddress();
                    }
                    byte[] bytes = address.getAddress();
                    Arrays.fill(bytes, 8, 16, (byte) 0);
                    try {
                        return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
                    } catch (UnknownHostException e) {
                        throw new IllegalStateException(e); // 16 bytes are always an address
                    }
                })
                .orElse(client);
    }

    /**
     * A client that is something a request names (an email) rather than an address: compared without
     * case or surrounding spaces, and stored only as a hash.
     */
    public static String hashedSubject(String text) {
        return SecretTokens.hash(text.strip().toLowerCase(Locale.ROOT));
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

    private static long ceilSeconds(long nanos) {
        return nanos <= 0 ? 0 : (nanos + 999_999_999L) / 1_000_000_000L;
    }
}
