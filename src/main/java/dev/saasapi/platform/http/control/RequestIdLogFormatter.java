package dev.saasapi.platform.http.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * Wraps the server's log format so that every line written while a request is served names that
 * request's id: as {@code [request_id=...]} before the message in text, as a {@code request_id}
 * member in JSON (Payara's JSON format turns a map among the parameters into members). Lines
 * outside requests pass through unchanged. The id is safe to log as it is ({@link RequestIds}).
 */
public final class RequestIdLogFormatter extends Formatter {

    private final Formatter format;
    private final boolean json;

    public RequestIdLogFormatter(Formatter format, boolean json) {
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
        return format.format(id == null ? record : withRequestId(record, id));
    }

    private LogRecord withRequestId(LogRecord record, String id) {
        // the message formatted here, so that the copy needs neither the parameters nor the bundle
        String message = formatMessage(record);
        List<Object> parameters = new ArrayList<>();
        if (json) {
            if (record.getParameters() != null) {
                Arrays.stream(record.getParameters())
                        .filter(Map.class::isInstance)
                        .forEach(parameters::add);
            }
            parameters.add(Map.of("request_id", id));
        } else {
            message = "[request_id=" + id + "] " + message;
        }
        LogRecord copy = new LogRecord(record.getLevel(), message);
        copy.setInstant(record.getInstant());
        copy.setLoggerName(record.getLoggerName());
        copy.setSequenceNumber(record.getSequenceNumber());
        copy.setSourceClassName(record.getSourceClassName());
        copy.setSourceMethodName(record.getSourceMethodName());
        copy.setLongThreadID(record.getLongThreadID());
        copy.setThrown(record.getThrown());
        copy.setParameters(parameters.isEmpty() ? null : parameters.toArray());
        return copy;
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
