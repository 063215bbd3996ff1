package dev.saasapi.platform.mail.entity;

import java.util.Objects;

/**
 * A plain-text mail to one address, as a feature writes it. Plain text: it reads the same in every
 * client and leaves nothing for a mail client to render from user-supplied text.
 */
public record Mail(String recipient, String subject, String text) {

    public Mail {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
    }

    /** Never the text, which may hold a live token. */
    @Override
    public String toString() {
        return "Mail[subject=" + subject + "]";
    }
}
