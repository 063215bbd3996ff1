package dev.saasapi.platform.audit.entity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Something security-relevant that happened, for the audit log. A feature fires it (a CDI event)
 * inside the transaction of the change it records, so a committed change always has its event and a
 * rolled-back one has none; a refusal (a failed login) is fired outside any transaction and written on
 * its own. Who acted and from where are taken from the request unless given here. Details never hold
 * a secret.
 *
 * @param action what happened, {@code noun.verb} ({@code login.failed}, {@code member.removed})
 * @param succeeded false for refusals
 * @param organizationId the organization it happened in, or null
 * @param accountId the account it concerns (shown to its owner in their security events), or null
 * @param targetType what was acted on ({@code user}, {@code member}, {@code api_key}, …), or null
 * @param targetId its id, or null
 * @param details more, never a secret
 * @param actor who acted, or null for the request's caller
 * @param client where from, or null for the current request's client
 */
public record SecurityEvent(
        String action,
        boolean succeeded,
        UUID organizationId,
        UUID accountId,
        String targetType,
        String targetId,
        Map<String, String> details,
        Actor actor,
        Client client) {

    /** Who acted: {@code user}, {@code admin} (a platform admin acting as one), {@code api_key} or {@code anonymous}. */
    public record Actor(String type, UUID id) {

        public static final String USER = "user";
        public static final String ADMIN = "admin";
        public static final String API_KEY = "api_key";
        public static final String ANONYMOUS = "anonymous";

        public static Actor anonymous() {
            return new Actor(ANONYMOUS, null);
        }

        public static Actor user(UUID id) {
            return new Actor(USER, id);
        }
    }

    /** Where a request came from, captured for events written after it (on another thread). */
    public record Client(String ip, String userAgent, String requestId) {}

    public SecurityEvent {
        Objects.requireNonNull(action, "action");
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public static SecurityEvent success(String action) {
        return new SecurityEvent(action, true, null, null, null, null, null, null, null);
    }

    public static SecurityEvent failure(String action) {
        return new SecurityEvent(action, false, null, null, null, null, null, null, null);
    }

    public SecurityEvent organization(UUID id) {
        return new SecurityEvent(action, succeeded, id, accountId, targetType, targetId, details, actor, client);
    }

    /** The account concerned; also the target, unless one is set. */
    public SecurityEvent account(UUID id) {
        return new SecurityEvent(
                action,
                succeeded,
                organizationId,
                id,
                targetType == null && id != null ? "user" : targetType,
                targetId == null && id != null ? id.toString() : targetId,
                details,
                actor,
                client);
    }

    public SecurityEvent target(String type, Object id) {
        return new SecurityEvent(
                action,
                succeeded,
                organizationId,
                accountId,
                type,
                id == null ? null : id.toString(),
                details,
                actor,
                client);
    }

    public SecurityEvent detail(String key, Object value) {
        Map<String, String> more = new LinkedHashMap<>(details);
        if (value != null) {
            more.put(key, value.toString());
        }
        return new SecurityEvent(
                action, succeeded, organizationId, accountId, targetType, targetId, more, actor, client);
    }

    public SecurityEvent by(Actor actor) {
        return new SecurityEvent(
                action, succeeded, organizationId, accountId, targetType, targetId, details, actor, client);
    }

    public SecurityEvent from(Client client) {
        return new SecurityEvent(
                action, succeeded, organizationId, accountId, targetType, targetId, details, actor, client);
    }
}
