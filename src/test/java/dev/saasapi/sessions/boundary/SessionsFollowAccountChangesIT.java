package dev.saasapi.sessions.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saasapi.accounts.boundary.AccountChanges;
import dev.saasapi.accounts.control.UserStore;
import dev.saasapi.accounts.entity.User;
import dev.saasapi.it.InContainerIT;
import dev.saasapi.sessions.control.SessionStore;
import dev.saasapi.sessions.entity.Session;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The accounts feature announces password changes and deletions with CDI events; the sessions feature
 * ends sessions in the same transaction, so that a change that rolls back leaves every session, and
 * one that commits never leaves a session behind.
 */
class SessionsFollowAccountChangesIT extends InContainerIT {

    private static final String HASH = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$aGFzaA";
    private static final String NEW_HASH = HASH + "2";

    @Inject
    AccountChanges accountChanges;

    @Inject
    UserStore users;

    @Inject
    SessionStore sessions;

    private User user;
    private Session current;
    private Session other;

    @BeforeEach
    void userWithTwoSessions() throws Exception {
        user = committed(() -> users.add(new User("events-" + UUID.randomUUID() + "@example.com", HASH)));
        current = committed(() -> newSession(user));
        other = committed(() -> newSession(user));
    }

    @Test
    void aPasswordChangeEndsTheOtherSessionsWhenItCommitsAndNoneWhenItRollsBack() throws Exception {
        rolledBack(() -> accountChanges.changePassword(user.id(), HASH, NEW_HASH, Optional.of(current.id())));
        assertTrue(sessions.find(other.id()).isPresent(), "a rolled-back change ends no session");
        assertEquals(HASH, users.findById(user.id()).orElseThrow().passwordHash());

        committed(() -> accountChanges.changePassword(user.id(), HASH, NEW_HASH, Optional.of(current.id())));
        assertFalse(sessions.find(other.id()).isPresent(), "the other session ended with the change");
        assertTrue(sessions.find(current.id()).isPresent(), "the session the change came from is kept");
        assertEquals(NEW_HASH, users.findById(user.id()).orElseThrow().passwordHash());
    }

    @Test
    void aDeletedAccountTakesItsSessionsWithItAndARolledBackDeletionKeepsThem() throws Exception {
        rolledBack(() -> {
            accountChanges.delete(user.id(), HASH);
            return null;
        });
        assertTrue(users.findById(user.id()).isPresent());
        assertTrue(sessions.find(current.id()).isPresent()
                && sessions.find(other.id()).isPresent());

        committed(() -> {
            accountChanges.delete(user.id(), HASH);
            return null;
        });
        assertFalse(users.findById(user.id()).isPresent());
        assertFalse(sessions.find(current.id()).isPresent()
                || sessions.find(other.id()).isPresent());
    }

    private Session newSession(User owner) {
        Session session = new Session(owner.id(), Instant.now(), Duration.ofDays(1), "test", "127.0.0.1");
        sessions.add(session);
        return session;
    }
}
