package dev.saasapi.identity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RejectedTokenLogTest {

    private final Logger logger = Logger.getLogger(RejectedTokenLog.class.getName());
    private final List<LogRecord> records = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final RejectedTokenLog log = new RejectedTokenLog(new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @BeforeEach
    void capture() {
        logger.addHandler(capture);
    }

    @AfterEach
    void release() {
        logger.removeHandler(capture);
    }

    @Test
    void logsOneLinePerRefusalUpToTheLimitThenCountsTheRest() {
        for (int i = 0; i < 25; i++) {
            log.rejected("Expired JWT", "203.0.113.7", "/users/me");
        }

        assertEquals(RejectedTokenLog.LINES_PER_MINUTE, records.size());
        LogRecord first = records.get(0);
        assertEquals("Refused access token from 203.0.113.7 for /users/me: Expired JWT", first.getMessage());
        assertTrue(records.stream()
                .allMatch(r -> r.getThrown() == null && !r.getMessage().contains("\n")));

        now = now.plus(Duration.ofSeconds(61));
        log.rejected("Expired JWT", "203.0.113.7", "/users/me");

        assertEquals(RejectedTokenLog.LINES_PER_MINUTE + 2, records.size());
        assertTrue(records.get(RejectedTokenLog.LINES_PER_MINUTE).getMessage().startsWith("5 more"));
    }
}
