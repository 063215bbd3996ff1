package dev.saasapi.apikeys.entity;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A key as lists show it: never the key, only its first characters. */
public record ApiKeyView(
        UUID id,
        String name,
        String role,
        String prefix,
        @JsonbProperty("created_at") OffsetDateTime createdAt,
        @JsonbNillable @JsonbProperty("expires_at") OffsetDateTime expiresAt,
        @JsonbNillable @JsonbProperty("last_used_at") OffsetDateTime lastUsedAt) {

    public static ApiKeyView of(ApiKey key) {
        return new ApiKeyView(
                key.id(), key.name(), key.role(), key.prefix(), key.createdAt(), key.expiresAt(), key.lastUsedAt());
    }
}
