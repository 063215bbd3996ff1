package dev.saasapi.sessions.entity;

import jakarta.json.bind.annotation.JsonbProperty;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A session as its owner sees it: where and when, never a token. */
public record SessionView(
        UUID id,
        @JsonbProperty("created_at") OffsetDateTime createdAt,
        @JsonbProperty("last_used_at") OffsetDateTime lastUsedAt,
        @JsonbProperty("expires_at") OffsetDateTime expiresAt,
        @JsonbProperty("user_agent") String userAgent,
        @JsonbProperty("ip_address") String ipAddress,
        boolean current) {

    public static SessionView of(Session session, boolean current) {
        return new SessionView(
                session.id(),
                session.createdAt(),
                session.lastUsedAt(),
                session.expiresAt(),
                session.userAgent(),
                session.ipAddress(),
                current);
    }
}
