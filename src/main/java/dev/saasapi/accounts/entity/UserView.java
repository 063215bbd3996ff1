package dev.saasapi.accounts.entity;

import jakarta.json.bind.annotation.JsonbProperty;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An account as the API shows it: never the password hash. */
public record UserView(
        UUID id,
        String email,
        @JsonbProperty("is_active") boolean isActive,
        @JsonbProperty("email_verified") boolean emailVerified,
        @JsonbProperty("created_at") OffsetDateTime createdAt) {

    public static UserView of(User user) {
        return new UserView(user.id(), user.email(), user.active(), user.emailVerified(), user.createdAt());
    }
}
