package dev.saasapi.accounts.entity;

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
