package dev.saasapi.apikeys.entity;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A new key, the one time the key itself is shown. */
public record CreatedApiKey(
        UUID id,
        String name,
        String role,
        String prefix,
        @JsonbProperty("created_at") OffsetDateTime createdAt,
        @JsonbNillable @JsonbProperty("expires_at") OffsetDateTime expiresAt,
        @JsonbNillable @JsonbProperty("last_used_at") OffsetDateTime lastUsedAt,
        String key) {

    public static CreatedApiKey of(ApiKey stored, String key) {
        return new CreatedApiKey(
                stored.id(),
                stored.name(),
                stored.role(),
                stored.prefix(),
                stored.createdAt(),
                stored.expiresAt(),
                null,
                key);
    }
}
