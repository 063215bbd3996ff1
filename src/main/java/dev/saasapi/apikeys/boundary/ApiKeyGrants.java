package dev.saasapi.apikeys.boundary;

import dev.saasapi.apikeys.control.ApiKeyStore;
import dev.saasapi.identity.control.ApiKeyLookup;
import dev.saasapi.identity.entity.ApiKeyGrant;
import dev.saasapi.organizations.entity.MemberRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * What a presented key may do: one indexed query per request. A key never has more rights than its
 * creator has in the organization now (an admin's key of a creator demoted to member acts as a member),
 * and stops working while the creator is deactivated. {@code last_used_at} is written at most once a
 * minute per key, however many requests use it at once.
 */
@ApplicationScoped
public class ApiKeyGrants implements ApiKeyLookup {

    @Inject
    ApiKeyStore store;

    @Override
    @Transactional
    public Optional<ApiKeyGrant> find(String keyHash) {
        return store.grant(keyHash).map(found -> {
            if (found.touchDue()) {
                store.touch(found.keyId());
            }
            MemberRole key = MemberRole.of(found.keyRole()).orElseThrow();
            MemberRole creator = MemberRole.of(found.creatorRole()).orElseThrow();
            MemberRole role = creator.atLeast(key) ? key : creator;
            return new ApiKeyGrant(found.keyId(), found.organizationId(), role.value(), found.createdBy());
        });
    }
}
