package dev.saasapi.platform.http.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SafeLogFormatterTest {

    /** Shows what the wrapped format receives: the message as formatted and the parameters. */
    private static final Formatter SHOW = new Formatter() {
        @Override
        public String format(LogRecord record) {
            return record.getMessage() + " " + java.util.Arrays.toString(record.getParameters());
        }
    };

    @AfterEach
    void leaveTheRequest() {
        RequestIds.clear();
    }

    @Test
    void outsideARequestTheLineIsUnchanged() {
        LogRecord record = new LogRecord(Level.INFO, "started in {0} ms");
        record.setParameters(new Object[] {12});
        assertEquals("started in {0} ms [12]", new SafeLogFormatter(SHOW, false).format(record));
    }

    @Test
    void textLinesStartWithTheRequestIdAndTheMessageAlreadyFormatted() {
        RequestIds.set("abc-1");
        LogRecord record = new LogRecord(Level.WARNING, "took {0} ms");
        record.setParameters(new Object[] {12});
        assertEquals("[request_id=abc-1] took 12 ms null", new SafeLogFormatter(SHOW, false).format(record));
    }

    @Test
    void jsonLinesGetTheRequestIdAsAMemberBesideTheFieldsOfTheRecord() {
        RequestIds.set("abc-2");
        LogRecord record = new LogRecord(Level.INFO, "method=GET");
        record.setParameters(new Object[] {Map.of("method", "GET")});
        assertEquals("method=GET [{method=GET}, {request_id=abc-2}]", new SafeLogFormatter(SHOW, true).format(record));
    }

    @Test
    void onlyTheRequestLogsOwnLineSkipsTheRedaction() {
        RequestIds.set("abc-3");
        LogRecord record = new LogRecord(Level.INFO, "password=hunter2-secret");
        record.setParameters(new Object[] {Map.of("detail", "password=hunter2-secret")});
        record.setLoggerName("dev.saasapi.platform.http.control.SomethingElse");
        String other = new SafeLogFormatter(SHOW, true).format(record);
        assertFalse(other.contains("hunter2"), other);

        record.setLoggerName(RequestLog.LOGGER_NAME); // built from safe fields only: passed as it is
        assertEquals(
                "password=hunter2-secret [{detail=password=hunter2-secret}, {request_id=abc-3}]",
                new SafeLogFormatter(SHOW, true).format(record));
    }

    @Test
    void shortensTheServersStackTraceForARequestItCannotParseToOneLine() {
        LogRecord record = new LogRecord(Level.SEVERE, "An exception or error occurred in the container");
        IllegalArgumentException undecodable =
                new IllegalArgumentException("URLDecoder: Illegal hex characters in escape (%) pattern - %ZZ");
        undecodable.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("org.glassfish.grizzly.http.util.URLDecoder", "decode", "URLDecoder.java", 199),
            new StackTraceElement("org.apache.catalina.connector.CoyoteAdapter", "service", "CoyoteAdapter.java", 1)
        });
        record.setThrown(undecodable);
        Formatter levelMessageAndThrown = new Formatter() {
            @Override
            public String format(LogRecord copy) {
                return copy.getLevel() + " " + copy.getMessage() + " " + copy.getThrown();
            }
        };
        assertEquals(
                "WARNING Refused a request the HTTP layer cannot parse: java.lang.IllegalArgumentException:"
                        + " URLDecoder: Illegal hex characters in escape (%) pattern - %ZZ null",
                new SafeLogFormatter(levelMessageAndThrown, false).format(record));

        record.setThrown(new IllegalStateException("a failure of the server itself"));
        assertTrue(new SafeLogFormatter(levelMessageAndThrown, false)
                .format(record)
                .startsWith("SEVERE An exception or error occurred in the container java.lang.IllegalStateException"));
    }

    @Test
    void takesSecretsOutOfTheMessageTheJsonMembersAndTheExceptionTexts() {
        RequestIds.set("abc-3");
        LogRecord record = new LogRecord(Level.WARNING, "request to {0} failed");
        record.setParameters(
                new Object[] {"/auth/login?password=hunter2-secret", Map.of("path", "/x?token=t0ps3cret")});
        IllegalStateException cause = new IllegalStateException("Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln");
        record.setThrown(new RuntimeException("while reading password=hunter2-secret", cause));
        StringBuilder printed = new StringBuilder();
        Formatter showAll = new Formatter() {
            @Override
            public String format(LogRecord copy) {
                printed.append(copy.getMessage()).append(java.util.Arrays.toString(copy.getParameters()));
                for (Throwable t = copy.getThrown(); t != null; t = t.getCause()) {
                    printed.append(" | ").append(t).append(" at ").append(t.getStackTrace().length);
                }
                return printed.toString();
            }
        };
        String line = new SafeLogFormatter(showAll, true).format(record);
        for (String secret : new String[] {"hunter2-secret", "t0ps3cret", "eyJhbGciOiJSUzI1NiJ9"}) {
            assertFalse(line.contains(secret), line);
        }
        assertTrue(line.contains("request to /auth/login?[redacted] failed"), line);
        assertTrue(
                line.contains("java.lang.RuntimeException: while reading password=[redacted] at "
                        + record.getThrown().getStackTrace().length),
                line);
        assertTrue(line.contains("java.lang.IllegalStateException: Authorization: Bearer [redacted]"), line);
    }

    @Test
    void aRecordWithNothingToTakeOutIsFormattedAsItIsOutsideARequest() {
        LogRecord record = new LogRecord(Level.SEVERE, "failed");
        RuntimeException thrown = new RuntimeException("plain");
        record.setThrown(thrown);
        Formatter sameRecord = new Formatter() {
            @Override
            public String format(LogRecord seen) {
                return seen == record && seen.getThrown() == thrown ? "same" : "copy";
            }
        };
        assertEquals("same", new SafeLogFormatter(sameRecord, false).format(record));
    }

    @Test
    void keepsTheFormatItWrapsToPutItBack() {
        assertSame(SHOW, new SafeLogFormatter(SHOW, true).wrapped());
    }
}
