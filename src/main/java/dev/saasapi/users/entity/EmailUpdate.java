package dev.saasapi.users.entity;

/** The body of {@code PATCH /users/me}: fields left out (or null) stay as they are. */
public record EmailUpdate(@EmailAddress String email) {

    public EmailUpdate {
        email = email == null ? null : email.strip();
    }
}
