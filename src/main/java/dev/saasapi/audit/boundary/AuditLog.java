package dev.saasapi.audit.boundary;

import dev.saasapi.audit.control.AuditStore;
import dev.saasapi.identity.control.ApiKeyCaller;
import dev.saasapi.identity.control.Caller;
import dev.saasapi.platform.audit.entity.SecurityEvent;
import dev.saasapi.platform.http.control.ClientAddresses;
import dev.saasapi.platform.http.control.RequestIds;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes every {@link SecurityEvent}: in the transaction that fired it, so that it commits or rolls
 * back with the change (a failure to write it fails the change); outside one (a refusal such as a
 * failed login), in a transaction of its own, and a failure to write it is logged, never turned into
 * an error for the client.
 */
@ApplicationScoped
public class AuditLog {

    private static final Logger LOG = Logger.getLogger(AuditLog.class.getName());

    @Inject
    AuditStore store;

    @Inject
    Caller caller;

    @Inject
    Instance<ApiKeyCaller> apiKey;

    @Inject
    Instance<HttpServletRequest> request;

    @Inject
    ClientAddresses addresses;

    @Inject
    AuditLog self;

    @Resource
    TransactionSynchronizationRegistry transactions;

    void record(@Observes SecurityEvent event) {
        SecurityEvent.Actor actor = event.actor() != null ? event.actor() : requestActor();
        SecurityEvent.Client client = event.client() != null ? event.client() : requestClient();
        if (transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION) {
            self.inTransaction(event, actor, client);
            return;
        }
        try {
            self.alone(event, actor, client);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "audit event not written", e);
            LOG.warning(() -> "Could not write the audit event " + event.action() + ": " + e);
        }
    }

    /** Public, and called through {@code self}: the container applies {@code @Transactional} only so. */
    @Transactional(TxType.MANDATORY)
    public void inTransaction(SecurityEvent event, SecurityEvent.Actor actor, SecurityEvent.Client client) {
        store.add(event, actor, client);
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void alone(SecurityEvent event, SecurityEvent.Actor actor, SecurityEvent.Client client) {
        store.add(event, actor, client);
    }

    /** The request's caller: its API key, its account, or nobody; nobody outside a request. */
    private SecurityEvent.Actor requestActor() {
        if (RequestIds.current() == null) {
            return SecurityEvent.Actor.anonymous();
        }
        ApiKeyCaller key = apiKey.get();
        if (key.present()) {
            return new SecurityEvent.Actor(
                    SecurityEvent.Actor.API_KEY, key.grant().keyId());
        }
        return caller.accountId().map(SecurityEvent.Actor::user).orElseGet(SecurityEvent.Actor::anonymous);
    }

    /** The current request's client, as rate limits see it; nothing outside a request. */
    SecurityEvent.Client requestClient() {
        String requestId = RequestIds.current();
        if (requestId == null) {
            return new SecurityEvent.Client(null, null, null);
        }
        HttpServletRequest current = request.get();
        return new SecurityEvent.Client(addresses.of(current), current.getHeader("User-Agent"), requestId);
    }
}
