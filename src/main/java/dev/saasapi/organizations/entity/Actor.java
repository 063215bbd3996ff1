package dev.saasapi.organizations.entity;

import dev.saasapi.identity.entity.ApiKeyGrant;
import java.util.UUID;

/**
 * Who acts in an organization: an account, whose role is its membership's, or an API key of one
 * organization, whose role is the key's.
 *
 * @param userId the account, or null for a key
 * @param key the key, or null for an account
 */
public record Actor(UUID userId, ApiKeyGrant key) {

    public static Actor user(UUID userId) {
        return new Actor(userId, null);
    }

    public static Actor apiKey(ApiKeyGrant key) {
        return new Actor(null, key);
    }

    /** The account that answers for what the actor does: itself, or the key's creator. */
    public UUID accountable() {
        return key != null ? key.createdBy() : userId;
    }

    /** Whether this actor is the account {@code userId}: a key is nobody. */
    public boolean is(UUID userId) {
        return this.userId != null && this.userId.equals(userId);
    }
}
