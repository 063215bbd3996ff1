package dev.saasapi.platform.http.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Wraps the server's log format so that every line, whoever writes it, carries no secret ({@link
 * SecretRedaction}, applied to the message, the JSON members and the exception texts; the one line
 * every request writes, {@link RequestLog}'s, is built from safe fields only and skips it) and names the
 * request it was written for: as {@code [request_id=...]} before the message in text, as a {@code
 * request_id} member in JSON (Payara's JSON format turns a map among the parameters into members).
 * The id is safe to log as it is ({@link RequestIds}).
 */
public final class SafeLogFormatter extends Formatter {

    /** Causes deeper than this are left out: a cycle or a pathological chain must not hang the log. */
    private static final int MAX_CAUSES = 16;

    private final Formatter format;
    private final boolean json;

    public SafeLogFormatter(Formatter format, boolean json) {
        this.format = format;
        this.json = json;
    }

    /** The format this one wraps, to put back when the application stops. */
    public Formatter wrapped() {
        return format;
    }

    @Override
    public String format(LogRecord record) {
        String id = RequestIds.current();
        // the message formatted here, so that the copy needs neither the parameters nor the bundle
        String message = formatMessage(record);
        // the request log's line (every request's) is safe by construction: only the id is added to it
        boolean safeByConstruction = RequestLog.LOGGER_NAME.equals(record.getLoggerName());
        String safeMessage = safeByConstruction ? message : SecretRedaction.redact(message);
        Throwable thrown = record.getThrown();
        Throwable safeThrown = redacted(thrown, 0);
        Level level = record.getLevel();
        if (isUnparseableRequest(thrown)) {
            // the client's malformed request, refused by the HTTP layer: one line, not a stranger-made stack trace
            safeMessage =
                    "Refused a request the HTTP layer cannot parse: " + SecretRedaction.redact(String.valueOf(thrown));
            safeThrown = null;
            level = level.intValue() > Level.WARNING.intValue() ? Level.WARNING : level;
        }
        List<Object> members = jsonMembers(record, !safeByConstruction);
        if (id == null && safeMessage == message && safeThrown == thrown && members == null) {
            return format.format(record); // nothing to add or take out: the record as it is
        }
        List<Object> parameters = members == null ? new ArrayList<>() : members;
        if (id != null && json) {
            parameters.add(Map.of("request_id", id));
        } else if (id != null) {
            safeMessage = "[request_id=" + id + "] " + safeMessage;
        }
        LogRecord copy = new LogRecord(level, safeMessage);
        copy.setInstant(record.getInstant());
        copy.setLoggerName(record.getLoggerName());
        copy.setSequenceNumber(record.getSequenceNumber());
        copy.setSourceClassName(record.getSourceClassName());
        copy.setSourceMethodName(record.getSourceMethodName());
        copy.setLongThreadID(record.getLongThreadID());
        copy.setThrown(safeThrown);
        copy.setParameters(parameters.isEmpty() ? null : parameters.toArray());
        return format.format(copy);
    }

    /**
     * Whether the server's HTTP layer failed on parsing a client's request: a path it cannot decode
     * ({@code %ZZ}, a {@code %} at the end, {@code /..} above the root), an unknown protocol version,
     * a broken chunk length. Payara logs each with a stack trace of about a hundred lines, at SEVERE
     * or WARNING, that anyone can cause; the exception's text is all an operator needs.
     */
    static boolean isUnparseableRequest(Throwable thrown) {
        if (thrown == null || thrown.getStackTrace().length == 0) {
            return false;
        }
        return REQUEST_PARSERS.contains(thrown.getStackTrace()[0].getClassName());
    }

    private static final Set<String> REQUEST_PARSERS = Set.of(
            "org.glassfish.grizzly.http.util.URLDecoder",
            "org.glassfish.grizzly.http.util.HttpRequestURIDecoder",
            "org.glassfish.grizzly.http.Protocol",
            "org.glassfish.grizzly.http.ChunkedTransferEncoding");

    /** The maps among the parameters, their text values redacted (JSON only), or null when there are none. */
    private List<Object> jsonMembers(LogRecord record, boolean redact) {
        if (!json || record.getParameters() == null) {
            return null;
        }
        List<Object> members = new ArrayList<>();
        Arrays.stream(record.getParameters())
                .filter(Map.class::isInstance)
                .map(Map.class::cast)
                .forEach(map -> {
                    Map<Object, Object> safe = new LinkedHashMap<>();
                    map.forEach((name, value) -> safe.put(
                            name, redact && value instanceof String text ? SecretRedaction.redact(text) : value));
                    members.add(safe);
                });
        return members.isEmpty() ? null : members;
    }

    /** The exception, or a stand-in with the same stack whose texts are redacted where they had to be. */
    private static Throwable redacted(Throwable thrown, int depth) {
        if (thrown == null || depth > MAX_CAUSES) {
            return null;
        }
        String text = thrown.toString();
        String safeText = SecretRedaction.redact(text);
        Throwable cause = thrown.getCause() == thrown ? null : thrown.getCause();
        Throwable safeCause = redacted(cause, depth + 1);
        if (safeText == text && safeCause == cause) {
            return thrown;
        }
        Throwable copy = new RedactedThrowable(safeText, safeCause);
        copy.setStackTrace(thrown.getStackTrace());
        return copy;
    }

    /** Prints as the original's {@code toString()} with the secrets taken out. */
    private static final class RedactedThrowable extends Throwable {

        private static final long serialVersionUID = 1L;
        private final String text;

        RedactedThrowable(String text, Throwable cause) {
            super(text, cause, false, true);
            this.text = text;
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this; // the original's stack is set instead
        }

        @Override
        public String toString() {
            return text;
        }
    }

    @Override
    public String getHead(Handler handler) {
        return format.getHead(handler);
    }

    @Override
    public String getTail(Handler handler) {
        return format.getTail(handler);
    }
}
