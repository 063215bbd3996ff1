package dev.saasapi.platform.mail.boundary;

import dev.saasapi.platform.mail.control.MailSettings;
import dev.saasapi.platform.mail.entity.Mail;
import dev.saasapi.platform.mail.entity.MailQueued;
import dev.saasapi.platform.mail.entity.OutgoingMail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * Where features put the mails their changes cause. A mail is written in the caller's transaction, so
 * it exists exactly when the change does; it is delivered after the commit (see {@link MailDelivery}).
 */
@ApplicationScoped
public class Outbox {

    private final Clock clock = Clock.systemUTC();

    @PersistenceContext
    EntityManager em;

    @Inject
    MailSettings settings;

    @Inject
    Event<MailQueued> queued;

    /** Whether mails are sent at all ({@code SMTP_HOST}); without it, {@link #enqueue} keeps nothing. */
    public boolean enabled() {
        return settings.smtp().isPresent();
    }

    /** A page of the service as users reach it, for links in mails: {@code PUBLIC_URL} + {@code path}. */
    public String publicPage(String path) {
        return settings.publicPage(path);
    }

    /** How mails name the service: the name in {@code MAIL_FROM} ("Example" of "Example <…>"), else the host of {@code PUBLIC_URL}. */
    public String productName() {
        return settings.productName();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(Mail mail) {
        if (!enabled()) {
            return; // a body with a live token that nothing would ever send is not kept
        }
        em.persist(new OutgoingMail(mail, clock.instant()));
        queued.fire(new MailQueued());
    }
}
