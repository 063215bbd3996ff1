package dev.saasapi.platform.ratelimit.control;

import dev.saasapi.platform.config.control.Environment;
import dev.saasapi.platform.http.control.IpAddresses;
import dev.saasapi.platform.persistence.control.DatabaseUrl;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/**
 * Releases a client from its limits at once, against the same {@code DATABASE_URL} the application
 * uses: {@code ./mvnw -q compile exec:java@limits -Dlimits.release=user@example.com} (an email: its
 * wait after failed logins and its mail requests) or {@code -Dlimits.release=203.0.113.7} (an
 * address: its buckets of every per-address policy). Every instance sees it on the next request.
 */
public final class RateLimitsCommand {

    private RateLimitsCommand() {}

    public static void main(String[] args) throws SQLException {
        String subject = args.length == 0 || args[0] == null ? "" : args[0].strip();
        if (subject.isEmpty()) {
            throw new IllegalArgumentException(
                    "say whom to release: -Dlimits.release=user@example.com or -Dlimits.release=203.0.113.7");
        }
        try (Connection connection = DatabaseUrl.from(Environment.settings()).connect()) {
            System.out.println(release(connection, subject));
        }
    }

    /** @return what was released, for the operator */
    public static String release(Connection connection, String text) throws SQLException {
        String subject = text.strip();
        Optional<InetAddress> address = IpAddresses.parse(subject);
        if (address.isPresent()) {
            String client = RateLimiter.addressKey(address.get().getHostAddress()); // as the server keys it
            int buckets = 0;
            for (String policy : RateLimitSettings.PER_ADDRESS_POLICIES) {
                buckets += delete(connection, RateLimiter.TABLE, policy + ":" + client);
            }
            return "released address " + client + ": " + buckets + " rate-limit bucket(s) removed";
        }
        int throttles = delete(connection, FailureThrottle.TABLE, FailureThrottle.loginKey(subject));
        int buckets = delete(
                connection,
                RateLimiter.TABLE,
                RateLimitSettings.MAIL_PER_EMAIL_POLICY + ":" + RateLimiter.hashedSubject(subject));
        return "released email " + subject.toLowerCase(Locale.ROOT) + ": "
                + (throttles == 1 ? "its wait after failed logins ended" : "no wait after failed logins")
                + (buckets == 1 ? ", its mail requests counted afresh" : "");
    }

    private static int delete(Connection connection, String table, String key) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE key = ?")) {
            delete.setString(1, key);
            return delete.executeUpdate();
        }
    }
}
