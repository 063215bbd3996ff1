package dev.saasapi.accounts.entity;

import jakarta.json.bind.annotation.JsonbProperty;

/** The body of {@code DELETE /users/me}: the password, so that a stolen access token cannot do it. */
public record AccountDeletion(
        @JsonbProperty("current_password") @Present String currentPassword) {

    @Override
    public String toString() {
        return "AccountDeletion[]";
    }
}
