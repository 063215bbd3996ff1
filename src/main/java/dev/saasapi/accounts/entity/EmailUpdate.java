package dev.saasapi.accounts.entity;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * The body of {@code PATCH /users/me}: fields left out (or null) stay as they are. A new email needs
 * {@code current_password}, unless the access token comes from a login a few minutes ago.
 */
public record EmailUpdate(
        @EmailAddress String email,
        @JsonbProperty("current_password") String currentPassword) {

    public EmailUpdate {
        email = email == null ? null : email.strip();
    }

    @Override
    public String toString() {
        return "EmailUpdate[email=" + email + "]";
    }
}
