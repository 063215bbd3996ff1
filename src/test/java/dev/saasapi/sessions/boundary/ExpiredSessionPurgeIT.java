package dev.saasapi.sessions.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saasapi.accounts.control.UserStore;
import dev.saasapi.accounts.entity.User;
import dev.saasapi.it.InContainerIT;
import dev.saasapi.platform.secrets.control.SecretTokens;
import dev.saasapi.sessions.control.SessionStore;
import dev.saasapi.sessions.entity.Session;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Sessions of users who never come back are deleted by the instance itself, at start-up and then
 * every hour: expired ones with their refresh tokens, live ones kept.
 */
class ExpiredSessionPurgeIT extends InContainerIT {

    @Inject
    ExpiredSessionPurge purge;

    @Inject
    UserStore users;

    @Inject
    SessionStore sessions;

    @Test
    void deletesExpiredSessionsWithTheirRefreshTokensAndKeepsLiveOnes() throws Exception {
        User user = committed(() -> users.add(new User("purge-" + UUID.randomUUID() + "@example.com", "x")));
        Instant now = Instant.now();
        Session expired = committed(() -> session(user, now.minus(Duration.ofDays(2)), Duration.ofDays(1)));
        Session live = committed(() -> session(user, now, Duration.ofDays(1)));
        String expiredToken = SecretTokens.generate();
        String liveToken = SecretTokens.generate();
        committed(() -> {
            sessions.addRefreshToken(expiredToken, expired, now.minus(Duration.ofDays(2)));
            sessions.addRefreshToken(liveToken, live, now);
            return null;
        });

        List<String> log = logged(ExpiredSessionPurge.class.getName(), purge::purge);

        assertFalse(sessions.find(expired.id()).isPresent(), "the expired session is deleted");
        assertFalse(sessions.findRefreshToken(expiredToken).isPresent(), "with its refresh tokens");
        assertTrue(sessions.find(live.id()).isPresent(), "the live session is kept");
        assertTrue(sessions.findRefreshToken(liveToken).isPresent());
        assertEquals(
                1,
                log.stream()
                        .filter(line -> line.matches("Deleted \\d+ expired sessions?"))
                        .count(),
                "" + log);
    }

    @Test
    void runsFromStartUpEveryHour() {
        assertTrue(purge.scheduled(), "scheduled when the application started");
    }

    private Session session(User owner, Instant createdAt, Duration lifetime) {
        Session session = new Session(owner.id(), createdAt, lifetime, "test", "127.0.0.1");
        sessions.add(session);
        return session;
    }
}
