package dev.saasapi.platform.http.control;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * One line per request: method, route (the template, never the raw path), status, duration and the
 * user's id when the request carried a valid token. Never the query string, headers or body, so no
 * password, token or {@code Authorization} header can reach the log. The request id is added by the
 * log format ({@link SafeLogFormatter}); in JSON every field is a member of its own.
 */
public final class RequestLog {

    /**
     * Its lines skip the secret redaction of every other line ({@link SafeLogFormatter}): every field
     * below must be safe by construction.
     */
    static final String LOGGER_NAME = RequestLog.class.getName();
    /**
     * The caller as named by the principal: an account id (a UUID) or an API key's shown prefix. A token
     * signed with one of our keys could name itself otherwise ({@code upn}); such a name is left out.
     */
    private static final Pattern CALLER = Pattern.compile("[A-Za-z0-9_-]{1,36}");

    private static final Logger LOG = Logger.getLogger(LOGGER_NAME);

    private RequestLog() {}

    public static void finished(String method, String route, int status, long nanos, String userId) {
        if (!LOG.isLoggable(Level.INFO)) {
            return;
        }
        long tenths = nanos / 100_000; // milliseconds to one decimal, without String.format on every request
        String duration = tenths / 10 + "." + tenths % 10;
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("method", method);
        fields.put("route", route);
        fields.put("status", status);
        fields.put("duration_ms", duration);
        if (userId != null && CALLER.matcher(userId).matches()) {
            fields.put("user_id", userId);
        }
        StringBuilder line = new StringBuilder();
        fields.forEach((name, value) ->
                line.append(line.isEmpty() ? "" : " ").append(name).append('=').append(value));
        LogRecord record = new LogRecord(Level.INFO, line.toString());
        record.setLoggerName(LOG.getName());
        record.setSourceClassName(RequestLog.class.getName());
        record.setSourceMethodName("finished");
        record.setParameters(new Object[] {fields});
        LOG.log(record);
    }
}
