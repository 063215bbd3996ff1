package dev.saasapi.platform.http.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RequestIdLogFormatterTest {

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
        assertEquals("started in {0} ms [12]", new RequestIdLogFormatter(SHOW, false).format(record));
    }

    @Test
    void textLinesStartWithTheRequestIdAndTheMessageAlreadyFormatted() {
        RequestIds.set("abc-1");
        LogRecord record = new LogRecord(Level.WARNING, "took {0} ms");
        record.setParameters(new Object[] {12});
        assertEquals("[request_id=abc-1] took 12 ms null", new RequestIdLogFormatter(SHOW, false).format(record));
    }

    @Test
    void jsonLinesGetTheRequestIdAsAMemberBesideTheFieldsOfTheRecord() {
        RequestIds.set("abc-2");
        LogRecord record = new LogRecord(Level.INFO, "method=GET");
        record.setParameters(new Object[] {Map.of("method", "GET")});
        assertEquals(
                "method=GET [{method=GET}, {request_id=abc-2}]", new RequestIdLogFormatter(SHOW, true).format(record));
    }

    @Test
    void keepsTheFormatItWrapsToPutItBack() {
        assertSame(SHOW, new RequestIdLogFormatter(SHOW, true).wrapped());
    }
}
