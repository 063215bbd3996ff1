package dev.saasapi.verification.entity;

import dev.saasapi.accounts.entity.EmailAddress;
import dev.saasapi.accounts.entity.Required;

/** The body of {@code POST /auth/password-reset} and {@code /auth/verify-email/resend}. */
public record MailRequest(@Required @EmailAddress String email) {

    public MailRequest {
        email = email == null ? null : email.strip();
    }
}
