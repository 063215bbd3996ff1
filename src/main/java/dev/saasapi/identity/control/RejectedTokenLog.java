package dev.saasapi.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * One line per refused access token, never the token itself, and at most {@link #LINES_PER_MINUTE}
 * lines a minute: a flood of forged tokens shows up as a count, not as gigabytes of log.
 */
@ApplicationScoped
public class RejectedTokenLog {

    static final int LINES_PER_MINUTE = 20;
    private static final Logger LOG = Logger.getLogger(RejectedTokenLog.class.getName());
    private static final long WINDOW_MILLIS = Duration.ofMinutes(1).toMillis();

    private final Clock clock;
    private long windowStart;
    private int lines;
    private int suppressed;

    public RejectedTokenLog() {
        this(Clock.systemUTC());
    }

    RejectedTokenLog(Clock clock) {
        this.clock = clock;
    }

    /** @param reason why, already safe to log; {@code client} and {@code path} likewise */
    public void rejected(String reason, String client, String path) {
        String line = null;
        String summary = null;
        synchronized (this) {
            long now = clock.millis();
            if (now - windowStart >= WINDOW_MILLIS) {
                if (suppressed > 0) {
                    summary = suppressed + " more refused access tokens were not logged one by one (at most "
                            + LINES_PER_MINUTE + " lines a minute)";
                }
                windowStart = now;
                lines = 0;
                suppressed = 0;
            }
            if (lines < LINES_PER_MINUTE) {
                lines++;
                line = "Refused access token from " + client + " for " + path + ": " + reason;
            } else {
                suppressed++;
            }
        }
        if (summary != null) {
            LOG.warning(summary);
        }
        if (line != null) {
            LOG.info(line);
        }
    }
}
