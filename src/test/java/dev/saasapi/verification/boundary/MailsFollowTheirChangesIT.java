package dev.saasapi.verification.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.saasapi.accounts.control.UserStore;
import dev.saasapi.accounts.entity.AccountRegistered;
import dev.saasapi.accounts.entity.User;
import dev.saasapi.it.InContainerIT;
import dev.saasapi.platform.mail.boundary.Outbox;
import dev.saasapi.platform.mail.entity.Mail;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A mail and its link's token are written in the transaction of the change that causes them: a change
 * that rolls back leaves neither, one that commits always has both.
 */
class MailsFollowTheirChangesIT extends InContainerIT {

    private static final String HASH = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$aGFzaA";

    @Inject
    Outbox outbox;

    @Inject
    UserStore users;

    @Inject
    Event<AccountRegistered> registered;

    @Test
    void aMailIsQueuedOnlyWithTheTransactionThatQueuedIt() throws Exception {
        String recipient = "outbox-" + UUID.randomUUID() + "@example.com";
        Mail mail = new Mail(recipient, "Hello", "Text");

        rolledBack(() -> {
            outbox.enqueue(mail);
            return null;
        });
        assertEquals(0, count("SELECT count(*) FROM mail_outbox WHERE recipient = ?", recipient));

        committed(() -> {
            outbox.enqueue(mail);
            return null;
        });
        assertEquals(1, count("SELECT count(*) FROM mail_outbox WHERE recipient = ?", recipient));

        assertThrows(TransactionalException.class, () -> outbox.enqueue(mail), "never outside a transaction");
    }

    @Test
    void aRolledBackRegistrationLeavesNeitherTokenNorMail() throws Exception {
        String email = "registered-" + UUID.randomUUID() + "@example.com";
        rolledBack(() -> register(email));
        assertEquals(0, count("SELECT count(*) FROM mail_outbox WHERE recipient = ?", email));
        assertEquals(0, count("SELECT count(*) FROM email_tokens WHERE email = ?", email));

        committed(() -> register(email));
        assertEquals(1, count("SELECT count(*) FROM mail_outbox WHERE recipient = ?", email));
        assertEquals(1, count("SELECT count(*) FROM email_tokens WHERE email = ?", email));
    }

    private User register(String email) {
        User user = users.add(new User(email, HASH));
        registered.fire(new AccountRegistered(user.id(), email));
        return user;
    }
}
