package dev.saasapi.verification.control;

import dev.saasapi.platform.mail.entity.Mail;
import java.time.Duration;

/**
 * The texts of the mails about an account. Plain text with the link on a line of its own, so that
 * every client shows it whole; nothing in them comes from anyone but the account's owner.
 *
 * @param product how the mails name the service: the name in {@code MAIL_FROM}, else its host
 */
public record AccountMails(String product) {

    public Mail verifyEmail(String to, String link, Duration ttl) {
        return new Mail(to, "Confirm your email address", """
                Hello,

                please confirm that this is your email address for %s by opening this link:

                %s

                The link works once, for %s. If you did not sign up or change your email address, \
                ignore this mail: nothing changes.
                """.formatted(product, link, duration(ttl)));
    }

    public Mail resetPassword(String to, String link, Duration ttl) {
        return new Mail(to, "Reset your password", """
                Hello,

                someone asked to reset the password of your %s account. To choose a new password, \
                open this link:

                %s

                The link works once, for %s. If you did not ask for it, ignore this mail: your \
                password stays as it is.
                """.formatted(product, link, duration(ttl)));
    }

    public Mail passwordChanged(String to, String resetPage) {
        return new Mail(to, "Your password was changed", """
                Hello,

                the password of your %s account was just changed, and every device was signed out.

                If this was not you, reset your password at once:

                %s
                """.formatted(product, resetPage));
    }

    public Mail emailChanged(String to, String newEmail) {
        return new Mail(to, "Your email address was changed", """
                Hello,

                the email address of your %s account was changed from this address to %s. Mail \
                about the account, such as password resets, now goes there.

                If this was not you, someone else may be using your account: contact the service's \
                operator.
                """.formatted(product, masked(newEmail)));
    }

    /** "a***@example.com": enough for the owner to recognise it, not a full address for anyone who reads this. */
    static String masked(String email) {
        int at = email.lastIndexOf('@');
        if (at <= 0) {
            return "***";
        }
        return email.substring(0, email.offsetByCodePoints(0, 1)) + "***" + email.substring(at);
    }

    static String duration(Duration ttl) {
        if (ttl.toMinutes() % 60 != 0 || ttl.toHours() == 0) {
            long minutes = ttl.toMinutes();
            return minutes + (minutes == 1 ? " minute" : " minutes");
        }
        long hours = ttl.toHours();
        return hours + (hours == 1 ? " hour" : " hours");
    }
}
