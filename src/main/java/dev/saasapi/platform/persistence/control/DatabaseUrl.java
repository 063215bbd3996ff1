package dev.saasapi.platform.persistence.control;

import dev.saasapi.platform.config.control.InvalidConfigurationException;
import dev.saasapi.platform.config.control.Settings;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * {@code DATABASE_URL} as the FastAPI template and most platforms write it
 * ({@code postgresql+psycopg://user:pass@host:5432/db?sslmode=require}, {@code postgresql://},
 * {@code postgres://}) or as a plain {@code jdbc:postgresql://} URL, turned into what JDBC needs.
 *
 * @param jdbcUrl the JDBC URL without credentials (query parameters such as sslmode kept)
 * @param user the user, percent-decoded; empty when the URL has none (the driver may take it from the query)
 * @param password the password, percent-decoded; empty when the URL has none
 */
public record DatabaseUrl(String jdbcUrl, String user, String password) {

    public static final String VARIABLE = "DATABASE_URL";
    private static final Pattern DRIVER_SUFFIX = Pattern.compile("\\+[a-z0-9_]+");
    private static final String EXPECTED = VARIABLE + " must look like postgresql://user:password@host:5432/database"
            + " (postgres://, postgresql+<driver>:// and jdbc:postgresql:// are accepted too)";

    /** @throws InvalidConfigurationException when {@code DATABASE_URL} is missing or malformed */
    public static DatabaseUrl from(Settings settings) {
        return parse(settings.value(VARIABLE).orElseThrow(DatabaseUrl::missing));
    }

    public static InvalidConfigurationException missing() {
        return new InvalidConfigurationException(VARIABLE + " is not set: point it at the PostgreSQL database"
                + " (postgresql://user:password@host:5432/database)");
    }

    /** @throws InvalidConfigurationException naming the variable, never echoing the URL (it may hold a password) */
    public static DatabaseUrl parse(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidConfigurationException(VARIABLE + " is empty; " + EXPECTED);
        }
        String url = value.strip();
        if (url.regionMatches(true, 0, "jdbc:postgresql:", 0, "jdbc:postgresql:".length())) {
            return fromJdbcUrl(url);
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new InvalidConfigurationException(VARIABLE + " is not a valid URL; " + EXPECTED
                    + ". Percent-encode special characters in the password (@ as %40, : as %3A, / as %2F)");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String base = DRIVER_SUFFIX.matcher(scheme).replaceFirst("");
        if (!base.equals("postgres") && !base.equals("postgresql")) {
            throw new InvalidConfigurationException(VARIABLE + " has an unsupported scheme; " + EXPECTED);
        }
        // the authority is read by hand: java.net.URI drops host names with '_', as compose services have
        String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
        String hostAndPort = authority.substring(authority.lastIndexOf('@') + 1);
        int portSeparator = hostAndPort.lastIndexOf(':');
        if (portSeparator < hostAndPort.lastIndexOf(']')) {
            portSeparator = -1; // the colons belong to an IPv6 address
        }
        String host = portSeparator < 0 ? hostAndPort : hostAndPort.substring(0, portSeparator);
        if (host.isBlank()) {
            throw new InvalidConfigurationException(VARIABLE + " has no host; " + EXPECTED);
        }
        int port = portSeparator < 0 || portSeparator == hostAndPort.length() - 1
                ? 5432
                : port(hostAndPort.substring(portSeparator + 1));
        String database = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/", "");
        if (database.isEmpty() || database.contains("/")) {
            throw new InvalidConfigurationException(VARIABLE + " has no database name; " + EXPECTED);
        }
        // credentials in the query (?user=…&password=…, as libpq allows) leave it, as in the jdbc: form
        DatabaseUrl query = fromJdbcUrl("jdbc:postgresql://" + host + ":" + port + "/" + database
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        String jdbcUrl = query.jdbcUrl();
        String user = query.user();
        String password = query.password();
        String userInfo = authority.contains("@") ? authority.substring(0, authority.lastIndexOf('@')) : null;
        if (userInfo != null) { // the query wins, as in libpq
            int colon = userInfo.indexOf(':');
            user = user.isEmpty() ? decode(colon < 0 ? userInfo : userInfo.substring(0, colon)) : user;
            password = password.isEmpty() && colon >= 0 ? decode(userInfo.substring(colon + 1)) : password;
        }
        return new DatabaseUrl(jdbcUrl, user, password);
    }

    /** Moves {@code user} and {@code password} out of the query, so the pool sets them only once. */
    private static DatabaseUrl fromJdbcUrl(String url) {
        int q = url.indexOf('?');
        if (q < 0) {
            return new DatabaseUrl(url, "", "");
        }
        String user = "";
        String password = "";
        StringJoiner rest = new StringJoiner("&");
        for (String parameter : url.substring(q + 1).split("&")) {
            String name = parameter.contains("=") ? parameter.substring(0, parameter.indexOf('=')) : parameter;
            String raw = parameter.substring(name.length()).replaceFirst("^=", "");
            switch (name) {
                case "user" -> user = decodeQueryValue(raw);
                case "password" -> password = decodeQueryValue(raw);
                default -> {
                    if (!parameter.isEmpty()) {
                        rest.add(parameter);
                    }
                }
            }
        }
        return new DatabaseUrl(url.substring(0, q) + (rest.length() == 0 ? "" : "?" + rest), user, password);
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidConfigurationException(VARIABLE + " has an invalid port; " + EXPECTED);
    }

    /** User info: '+' is a literal plus there, not a space as in form encoding. */
    private static String decode(String raw) {
        return decodeQueryValue(raw.replace("+", "%2B"));
    }

    /** Never echoes the value: it may be a password. */
    private static String decodeQueryValue(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(
                    VARIABLE + " has a malformed percent-escape in its user" + " or password; write % itself as %25");
        }
    }

    /** A connection of its own, for the command-line tools that run outside the server. */
    public Connection connect() throws SQLException {
        Properties credentials = new Properties();
        if (!user.isEmpty()) {
            credentials.setProperty("user", user);
            credentials.setProperty("password", password);
        }
        return DriverManager.getConnection(jdbcUrl, credentials);
    }

    @Override
    public String toString() {
        // a key's password may be in the query too
        return "DatabaseUrl[" + jdbcUrl.replaceAll("(?i)(sslpassword=)[^&]*", "$1[redacted]") + ", user=" + user + "]";
    }
}
