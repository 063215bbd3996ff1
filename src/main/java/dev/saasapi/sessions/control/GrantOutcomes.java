package dev.saasapi.sessions.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** The token endpoint's counters by grant and outcome: {@code auth_logins} and {@code auth_refreshes}. */
@ApplicationScoped
public class GrantOutcomes {

    private static final String LOGINS = "auth_logins";
    private static final String LOGINS_DESCRIPTION =
            "Logins by outcome: success issued a token, failure was a wrong email or password";
    private static final String REFRESHES = "auth_refreshes";
    private static final String REFRESHES_DESCRIPTION =
            "Refresh-token grants by outcome: failure was an unknown, expired, revoked or replayed refresh token";

    @Inject
    MetricRegistry registry;

    private Counter loginsSucceeded;
    private Counter loginsFailed;
    private Counter refreshesSucceeded;
    private Counter refreshesFailed;

    @PostConstruct
    void register() {
        loginsSucceeded = counter(LOGINS, LOGINS_DESCRIPTION, "success");
        loginsFailed = counter(LOGINS, LOGINS_DESCRIPTION, "failure");
        refreshesSucceeded = counter(REFRESHES, REFRESHES_DESCRIPTION, "success");
        refreshesFailed = counter(REFRESHES, REFRESHES_DESCRIPTION, "failure");
    }

    public void login(boolean succeeded) {
        (succeeded ? loginsSucceeded : loginsFailed).inc();
    }

    public void refresh(boolean succeeded) {
        (succeeded ? refreshesSucceeded : refreshesFailed).inc();
    }

    private Counter counter(String name, String description, String outcome) {
        Metadata metadata =
                Metadata.builder().withName(name).withDescription(description).build();
        return registry.counter(metadata, new Tag("outcome", outcome));
    }
}
