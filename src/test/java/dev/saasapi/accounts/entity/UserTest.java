package dev.saasapi.accounts.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Revocation against {@code iat}, which JWTs carry in whole seconds. */
class UserTest {

    private static final Instant REVOKED = Instant.parse("2026-11-29T10:00:05.300Z");

    @Test
    void aUserNeverRevokedAcceptsEveryToken() {
        User user = new User("ann@example.com", "hash");

        assertTrue(user.acceptsTokenIssuedAt(0));
        assertEquals(Instant.EPOCH, user.tokensIssuableFrom());
        assertTrue(user.acceptsSessionUsedAt(REVOKED.minusSeconds(3600).atOffset(ZoneOffset.UTC)));
    }

    @Test
    void tokensFromTheSecondOfTheRevocationAreRefusedAndNewOnesAreIssuedFromTheNextSecond() {
        User user = new User("ann@example.com", "hash");

        user.changePassword("new-hash", REVOKED);

        long second = REVOKED.getEpochSecond(); // 10:00:05, the iat of a token issued at 10:00:05.100
        assertFalse(user.acceptsTokenIssuedAt(second - 1));
        assertFalse(user.acceptsTokenIssuedAt(second));
        assertEquals(Instant.parse("2026-11-29T10:00:06Z"), user.tokensIssuableFrom());
        assertTrue(user.acceptsTokenIssuedAt(user.tokensIssuableFrom().getEpochSecond()));
    }

    @Test
    void aRevocationOnAWholeSecondNeedsNoRounding() {
        User user = new User("ann@example.com", "hash");

        user.changePassword("new-hash", Instant.parse("2026-11-29T10:00:05Z"));

        assertEquals(Instant.parse("2026-11-29T10:00:05Z"), user.tokensIssuableFrom());
        assertFalse(
                user.acceptsTokenIssuedAt(Instant.parse("2026-11-29T10:00:04Z").getEpochSecond()));
    }

    @Test
    void sessionsLastUsedBeforeTheRevocationAreOver() {
        User user = new User("ann@example.com", "hash");

        user.changePassword("new-hash", REVOKED);

        assertEquals("new-hash", user.passwordHash());
        assertFalse(user.acceptsSessionUsedAt(REVOKED.minusNanos(1000).atOffset(ZoneOffset.UTC)));
        assertTrue(user.acceptsSessionUsedAt(REVOKED.atOffset(ZoneOffset.UTC)));
    }

    @Test
    void sessionsStartedRightAfterARevocationOnAnInstanceWithASlowerClockStillCount() {
        User user = new User("ann@example.com", "hash");
        user.changePassword("new-hash", REVOKED);

        Instant behind = REVOKED.minusMillis(300);

        assertEquals(REVOKED, user.notBeforeRevocation(behind));
        assertTrue(user.acceptsSessionUsedAt(User.utc(user.notBeforeRevocation(behind))));
        assertEquals(REVOKED.plusSeconds(5), user.notBeforeRevocation(REVOKED.plusSeconds(5)));
    }

    @Test
    void aPasswordChangeNeverMovesTheRevocationBack() {
        User user = new User("ann@example.com", "hash");
        user.changePassword("second", REVOKED);

        user.changePassword("third", REVOKED.minusSeconds(2)); // stamped by a clock running behind

        assertFalse(user.acceptsSessionUsedAt(User.utc(REVOKED.minusSeconds(1))));
        assertEquals("third", user.passwordHash());
    }

    @Test
    void aSecondRevocationInTheSameSecondAlsoRefusesTheTokensIssuedBetweenThem() {
        User user = new User("ann@example.com", "hash");
        user.changePassword("new-hash", REVOKED); // 10:00:05.300
        long issuedBetween = user.tokensIssuableFrom().getEpochSecond(); // iat 10:00:06, issued at 10:00:05.400

        Instant again = user.revokeTokens(Instant.parse("2026-11-29T10:00:05.600Z")); // logout everywhere

        assertFalse(user.acceptsTokenIssuedAt(issuedBetween));
        assertTrue(again.isAfter(Instant.parse("2026-11-29T10:00:06Z")));
        assertTrue(user.acceptsTokenIssuedAt(user.tokensIssuableFrom().getEpochSecond()));
        assertTrue(user.acceptsSessionUsedAt(User.utc(again)));
    }
}
