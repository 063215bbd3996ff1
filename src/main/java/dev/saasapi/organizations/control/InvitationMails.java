package dev.saasapi.organizations.control;

import dev.saasapi.platform.mail.entity.Mail;
import java.time.Duration;

/**
 * The invitation mail. Plain text, the link on a line of its own; the organization's name is the only
 * text in it that someone else chose (at most 100 characters, no control characters).
 *
 * @param product how the mail names the service
 */
public record InvitationMails(String product) {

    public Mail invitation(String to, String organization, String role, String link, Duration ttl) {
        long days = ttl.toDays();
        return new Mail(to, "You are invited to join " + organization, """
                Hello,

                you are invited to join the organization "%s" on %s as %s %s. To accept, open this \
                link and sign in (or sign up) with this email address:

                %s

                The link works once, for %d %s. If you do not want to join, ignore this mail.
                """.formatted(
                        organization,
                        product,
                        role.equals("admin") ? "an" : "a",
                        role,
                        link,
                        days,
                        days == 1 ? "day" : "days"));
    }
}
