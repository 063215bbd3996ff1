package dev.saasapi.platform.mail.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OutgoingMailTest {

    private static final Instant QUEUED = Instant.parse("2026-12-06T10:00:00Z");
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    private static final Duration GIVE_UP = Duration.ofHours(24);

    private static OutgoingMail queued() {
        return new OutgoingMail(new Mail("ann@example.com", "Subject", "token inside"), QUEUED);
    }

    @Test
    void retriesWaitTwiceAsLongEachTimeUpToTheCap() {
        OutgoingMail mail = queued();
        Instant now = QUEUED;
        long[] expectedSeconds = {1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300};
        for (long seconds : expectedSeconds) {
            assertFalse(mail.failed("down", now, MAX_BACKOFF, GIVE_UP));
            assertEquals(now.plusSeconds(seconds), mail.nextAttemptAt());
            now = mail.nextAttemptAt();
        }
        assertEquals(expectedSeconds.length, mail.attempts());
        assertEquals("token inside", mail.text(), "kept while it may still be sent");
    }

    @Test
    void givenUpAfterADayWithItsTextCleared() {
        OutgoingMail mail = queued();
        assertFalse(mail.failed("down", QUEUED.plus(GIVE_UP).minusSeconds(1), MAX_BACKOFF, GIVE_UP));
        assertTrue(mail.failed("down", QUEUED.plus(GIVE_UP), MAX_BACKOFF, GIVE_UP));
        assertNull(mail.text());
    }

    @Test
    void aSentMailKeepsNoText() {
        OutgoingMail mail = queued();
        mail.sent(QUEUED.plusSeconds(1));
        assertNull(mail.text());
        assertEquals(1, mail.attempts());
    }

    @Test
    void aMailsDescriptionNeverShowsItsText() {
        assertFalse(new Mail("a@example.com", "Subject", "token-abc").toString().contains("token-abc"));
    }
}
