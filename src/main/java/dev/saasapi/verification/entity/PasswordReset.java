package dev.saasapi.verification.entity;

import dev.saasapi.accounts.entity.Password;
import dev.saasapi.accounts.entity.Required;
import jakarta.json.bind.annotation.JsonbProperty;

/** The body of {@code POST /auth/password-reset/confirm}. The password is kept exactly as sent. */
public record PasswordReset(
        @Required String token,
        @JsonbProperty("new_password") @Required @Password String newPassword) {

    @Override
    public String toString() {
        return "PasswordReset[]";
    }
}
