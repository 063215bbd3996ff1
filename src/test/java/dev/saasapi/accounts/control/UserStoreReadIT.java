package dev.saasapi.accounts.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saasapi.accounts.entity.User;
import dev.saasapi.it.InContainerIT;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A read-only lookup hands out the shared cache's own instance (no copy per request), and that
 * instance follows every change the application commits.
 */
class UserStoreReadIT extends InContainerIT {

    private static final String HASH = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$aGFzaA";

    @Inject
    UserStore users;

    private User user;

    @BeforeEach
    void account() throws Exception {
        user = committed(() -> users.add(new User("read-" + UUID.randomUUID() + "@example.com", HASH)));
    }

    @Test
    void readsTheCachedInstanceWithoutACopy() {
        User first = users.readById(user.id(), read -> read).orElseThrow();
        assertSame(first, users.readById(user.id(), read -> read).orElseThrow(), "copied for each read");
        assertNotSame(first, users.findById(user.id()).orElseThrow(), "the ordinary lookup copies");
    }

    @Test
    void seesWhatTheApplicationCommits() throws Exception {
        long issuedAt = Instant.now().getEpochSecond();
        assertEquals(
                user.email(),
                users.viewIfAcceptsToken(user.id(), issuedAt).orElseThrow().email());
        Instant revokedAt = committed(() -> users.findForUpdate(user.id())
                .orElseThrow()
                .revokeTokens(Instant.now().plusSeconds(2)));
        assertTrue(users.viewIfAcceptsToken(user.id(), issuedAt).isEmpty(), "a revoked token was accepted");
        long afterRevocation = revokedAt.getEpochSecond() + 1;
        assertTrue(users.viewIfAcceptsToken(user.id(), afterRevocation).isPresent());
        committed(() -> {
            users.findForUpdate(user.id()).orElseThrow().deactivate(Instant.now());
            return null;
        });
        assertTrue(users.viewIfAcceptsToken(user.id(), afterRevocation).isEmpty(), "a deactivated account was shown");
    }
}
