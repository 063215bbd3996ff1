package dev.saasapi.identity.control;

import dev.saasapi.identity.entity.ApiKeyGrant;
import java.util.Optional;

/**
 * Finds the key a request presents. Implemented by the feature that manages keys, so that who is
 * calling stays answered here without knowing any feature.
 */
public interface ApiKeyLookup {

    /**
     * @param keyHash the SHA-256 of a well-formed key
     * @return what the key may do, or empty if it is unknown, revoked or expired, or its creator can no
     *     longer act in the organization
     */
    Optional<ApiKeyGrant> find(String keyHash);
}
