package dev.saasapi.identity.control;

import dev.saasapi.identity.entity.ApiKeyGrant;
import dev.saasapi.identity.entity.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The API key a request presents, looked up once per request (one indexed query) on the first
 * question: an endpoint that keys cannot use never looks it up.
 */
@RequestScoped
public class ApiKeyCaller {

    /** Where the caller principal of an API-key request carries the key's SHA-256 (never the key). */
    public static final String KEY_HASH_CLAIM = "key_hash";

    @Inject
    Caller caller;

    @Inject
    Instance<ApiKeyLookup> lookup;

    private ApiKeyGrant grant;

    /** Whether the caller presented an API key rather than an access token. */
    public boolean present() {
        return keyHash().isPresent();
    }

    /**
     * What the key may do now.
     *
     * @throws InvalidCredentialException if it is unknown, revoked or expired, or its creator can no
     *     longer act in the organization
     * @throws IllegalStateException if the caller presented no key
     */
    public ApiKeyGrant grant() {
        if (grant == null) {
            String hash = keyHash().orElseThrow(() -> new IllegalStateException("no API key in this request"));
            grant = lookup.get().find(hash).orElseThrow(InvalidCredentialException::new);
        }
        return grant;
    }

    private Optional<String> keyHash() {
        JsonWebToken token = caller.tokenIfAny();
        if (token == null || token.getGroups() == null || !token.getGroups().contains(Roles.API_KEY)) {
            return Optional.empty();
        }
        Object claim = token.getClaim(KEY_HASH_CLAIM);
        return Optional.ofNullable(
                claim instanceof JsonString json ? json.getString() : claim == null ? null : claim.toString());
    }
}
