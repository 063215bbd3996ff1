package dev.saasapi.audit.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.saasapi.accounts.boundary.Accounts;
import dev.saasapi.it.InContainerIT;
import dev.saasapi.platform.audit.entity.SecurityEvent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * An audit event is written in the transaction of the change it records: a change that rolls back
 * leaves none, one that commits always has it; a refusal outside any transaction is written on its own.
 */
class AuditFollowsItsChangesIT extends InContainerIT {

    private static final String HASH = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$aGFzaA";

    @Inject
    Accounts accounts;

    @Inject
    Event<SecurityEvent> audit;

    @Test
    void aRolledBackChangeLeavesNoEventAndACommittedOneHasIt() throws Exception {
        AtomicReference<UUID> rolledBackId = new AtomicReference<>();
        rolledBack(() -> {
            rolledBackId.set(accounts.register("audit-" + UUID.randomUUID() + "@example.com", HASH)
                    .id());
            return null;
        });
        assertEquals(0, count("SELECT count(*) FROM audit_events WHERE account_id = ?", rolledBackId.get()));
        assertEquals(0, count("SELECT count(*) FROM users WHERE id = ?", rolledBackId.get()));

        UUID committedId = committed(() -> accounts.register("audit-" + UUID.randomUUID() + "@example.com", HASH)
                .id());
        assertEquals(
                1,
                count(
                        "SELECT count(*) FROM audit_events WHERE account_id = ? AND action = 'account.registered'",
                        committedId));
    }

    @Test
    void aRefusalOutsideATransactionIsWrittenOnItsOwn() throws Exception {
        UUID account = UUID.randomUUID();
        audit.fire(SecurityEvent.failure("login.failed").account(account).by(SecurityEvent.Actor.anonymous()));
        assertEquals(
                1,
                count(
                        "SELECT count(*) FROM audit_events WHERE account_id = ? AND outcome = 'failure'"
                                + " AND actor_type = 'anonymous'",
                        account));
    }
}
