package dev.saasapi.accounts.entity;

import jakarta.json.bind.annotation.JsonbProperty;

/** The body of {@code POST /users/me/password}. Neither password is trimmed. */
public record PasswordChange(
        @JsonbProperty("current_password") @Present String currentPassword,
        @JsonbProperty("new_password") @Present @Password String newPassword) {

    @Override
    public String toString() {
        return "PasswordChange[]";
    }
}
