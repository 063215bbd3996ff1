package dev.saasapi.auth.entity;

import dev.saasapi.users.entity.EmailAddress;

/** The body of {@code POST /auth/register}. The email is trimmed; the password is kept exactly as sent. */
public record Registration(
        @Required @EmailAddress String email,
        @Required @Password String password) {

    public Registration {
        email = email == null ? null : email.strip();
    }

    @Override
    public String toString() {
        return "Registration[email=" + email + "]";
    }
}
