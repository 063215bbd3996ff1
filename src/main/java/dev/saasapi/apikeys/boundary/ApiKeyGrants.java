package dev.saasapi.apikeys.boundary;

import dev.saasapi.apikeys.control.ApiKeyStore;
import dev.saasapi.identity.control.ApiKeyLookup;
import dev.saasapi.identity.entity.ApiKeyGrant;
import dev.saasapi.organizations.entity.MemberRole;
import dev.saasapi.platform.audit.entity.SecurityEvent;
import dev.saasapi.platform.http.control.ClientAddresses;
import dev.saasapi.platform.persistence.control.AfterCommit;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a presented key may do: one indexed query per request. A key never has more rights than its
 * creator has in the organization now (an admin's key of a creator demoted to member acts as a member),
 * and stops working while the creator is deactivated. {@code last_used_at} is written at most once a
 * minute per key, however many requests use it at once; the first use from an address is an audit
 * event.
 */
@ApplicationScoped
public class ApiKeyGrants implements ApiKeyLookup {

    /** Addresses seen per key on this instance: most requests need no write to know. */
    static final int REMEMBERED_ADDRESSES = 10_000;

    @Inject
    ApiKeyStore store;

    @Inject
    ClientAddresses addresses;

    @Inject
    Instance<HttpServletRequest> request;

    @Inject
    Event<SecurityEvent> audit;

    @Resource
    TransactionSynchronizationRegistry transactions;

    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    @Override
    @Transactional
    public Optional<ApiKeyGrant> find(String keyHash) {
        return store.grant(keyHash).map(found -> {
            if (found.touchDue()) {
                store.touch(found.keyId());
            }
            recordAddress(found);
            MemberRole key = MemberRole.of(found.keyRole()).orElseThrow();
            MemberRole creator = MemberRole.of(found.creatorRole()).orElseThrow();
            MemberRole role = creator.atLeast(key) ? key : creator;
            return new ApiKeyGrant(found.keyId(), found.organizationId(), role.value(), found.createdBy());
        });
    }

    /** The first use of a key from an address, on any instance, is an audit event. */
    private void recordAddress(ApiKeyStore.Grant found) {
        String ip = addresses.of(request.get());
        String pair = found.keyId() + " " + ip;
        if (seen.contains(pair)) {
            return;
        }
        if (store.recordAddress(found.keyId(), ip)) {
            audit.fire(SecurityEvent.success("api_key.used_from_new_ip")
                    .organization(found.organizationId())
                    .target("api_key", found.keyId())
                    .detail("ip", ip)
                    .by(new SecurityEvent.Actor(SecurityEvent.Actor.API_KEY, found.keyId())));
        }
        // remembered once written for good: a rolled-back first use is tried again on the next request
        AfterCommit.run(transactions, () -> {
            if (seen.size() >= REMEMBERED_ADDRESSES) {
                seen.clear();
            }
            seen.add(pair);
        });
    }
}
