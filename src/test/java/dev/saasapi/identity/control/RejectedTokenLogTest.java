package dev.saasapi.identity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saasapi.it.CapturedLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RejectedTokenLogTest {

    private final CapturedLog written = new CapturedLog(RejectedTokenLog.class.getName());
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
        written.attach();
    }

    @AfterEach
    void release() {
        written.detach();
    }

    @Test
    void logsOneLinePerRefusalUpToTheLimitThenCountsTheRest() {
        for (int i = 0; i < 25; i++) {
            log.rejected("Expired JWT", "203.0.113.7", "/users/me");
        }

        assertEquals(RejectedTokenLog.LINES_PER_MINUTE, written.records().size());
        LogRecord first = written.records().get(0);
        assertEquals("Refused access token from 203.0.113.7 for /users/me: Expired JWT", first.getMessage());
        assertTrue(written.records().stream()
                .allMatch(r -> r.getThrown() == null && !r.getMessage().contains("\n")));

        now = now.plus(Duration.ofSeconds(61));
        log.rejected("Expired JWT", "203.0.113.7", "/users/me");

        assertEquals(RejectedTokenLog.LINES_PER_MINUTE + 2, written.records().size());
        assertTrue(written.records()
                .get(RejectedTokenLog.LINES_PER_MINUTE)
                .getMessage()
                .startsWith("5 more"));
    }
}
