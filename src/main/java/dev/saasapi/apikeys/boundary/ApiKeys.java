package dev.saasapi.apikeys.boundary;

import dev.saasapi.accounts.boundary.Accounts;
import dev.saasapi.apikeys.control.ApiKeyStore;
import dev.saasapi.apikeys.control.UnknownApiKeyException;
import dev.saasapi.apikeys.entity.ApiKey;
import dev.saasapi.apikeys.entity.ApiKeyCreation;
import dev.saasapi.apikeys.entity.ApiKeyView;
import dev.saasapi.apikeys.entity.CreatedApiKey;
import dev.saasapi.identity.control.ApiKeyFormat;
import dev.saasapi.organizations.boundary.Organizations;
import dev.saasapi.organizations.entity.Actor;
import dev.saasapi.organizations.entity.MemberRemoved;
import dev.saasapi.organizations.entity.MemberRole;
import dev.saasapi.platform.audit.entity.SecurityEvent;
import dev.saasapi.platform.lists.control.Page;
import dev.saasapi.platform.lists.control.PageRequest;
import dev.saasapi.platform.problems.control.InvalidFieldsException;
import dev.saasapi.platform.problems.entity.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An organization's API keys, managed by its admins and owners (with a password login, never with a key). */
@ApplicationScoped
public class ApiKeys {

    @Inject
    ApiKeyStore store;

    @Inject
    Organizations organizations;

    @Inject
    Accounts accounts;

    @Inject
    Event<SecurityEvent> audit;

    /** The key is in the answer, and nowhere else ever again. */
    @Transactional
    public CreatedApiKey create(UUID organizationId, UUID userId, ApiKeyCreation body) {
        if (body.expiresAt() != null
                && (!body.expiresAt().isAfter(OffsetDateTime.now())
                        || body.expiresAt().getYear() > 9999)) {
            throw new InvalidFieldsException(
                    List.of(new Problem.FieldError("expires_at", "must be in the future, before the year 10000")));
        }
        // the creator's account, then the organization: the lock order of every writer, and the key
        // cannot outlive a removal of its creator or the organization's deletion that runs meanwhile
        accounts.lock(userId);
        organizations.lock(organizationId);
        organizations.role(organizationId, Actor.user(userId), MemberRole.ADMIN);
        String key = ApiKeyFormat.generate();
        ApiKey stored = new ApiKey(
                organizationId,
                body.name(),
                body.role(),
                ApiKeyFormat.shown(key),
                ApiKeyFormat.hash(key),
                userId,
                body.expiresAt());
        store.add(stored);
        audit.fire(SecurityEvent.success("api_key.created")
                .organization(organizationId)
                .target("api_key", stored.id())
                .detail("name", stored.name())
                .detail("role", stored.role())
                .detail("prefix", stored.prefix()));
        return CreatedApiKey.of(stored, key);
    }

    @Transactional
    public Page<ApiKeyView> of(UUID organizationId, UUID userId, PageRequest page) {
        organizations.role(organizationId, Actor.user(userId), MemberRole.ADMIN);
        return new Page<>(
                store.ofOrganization(organizationId, page).stream()
                        .map(ApiKeyView::of)
                        .toList(),
                store.countOfOrganization(organizationId));
    }

    /** Refused from the next request on: every request looks its key up. */
    @Transactional
    public void revoke(UUID organizationId, UUID userId, UUID keyId) {
        organizations.role(organizationId, Actor.user(userId), MemberRole.ADMIN);
        ApiKey key = store.find(organizationId, keyId).orElseThrow(UnknownApiKeyException::new);
        store.remove(key);
        audit.fire(SecurityEvent.success("api_key.revoked")
                .organization(organizationId)
                .target("api_key", keyId)
                .detail("name", key.name())
                .detail("prefix", key.prefix()));
    }

    /**
     * A member who leaves or is removed takes the keys they made along: nobody keeps using an
     * organization through a key after leaving it. In the removal's transaction.
     */
    void revokeKeysOfRemovedMember(@Observes MemberRemoved removed) {
        for (ApiKey key : store.removeCreatedBy(removed.organizationId(), removed.userId())) {
            audit.fire(SecurityEvent.success("api_key.revoked")
                    .organization(removed.organizationId())
                    .target("api_key", key.id())
                    .detail("name", key.name())
                    .detail("prefix", key.prefix())
                    .detail("reason", "its creator left the organization"));
        }
    }
}
