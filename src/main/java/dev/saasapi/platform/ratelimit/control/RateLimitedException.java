package dev.saasapi.platform.ratelimit.control;

import dev.saasapi.platform.problems.control.ProblemException;
import dev.saasapi.platform.problems.entity.ProblemType;
import java.util.Map;

/** Too many requests of one kind from one client: try again after {@code Retry-After} seconds. */
public class RateLimitedException extends ProblemException {

    public static final ProblemType TYPE = new ProblemType("rate-limited", 429, "Too many requests");
    private static final long serialVersionUID = 1L;

    /** With {@code Retry-After} and the draft's {@code RateLimit-Policy} and {@code RateLimit} headers. */
    public RateLimitedException(RateLimiter.Decision decision) {
        this(decision, "Too many requests of this kind from your address");
    }

    /** @param reason what was too many, the detail's first words */
    public RateLimitedException(RateLimiter.Decision decision, String reason) {
        super(
                TYPE,
                reason + "; try again in " + seconds(decision) + (seconds(decision) == 1 ? " second." : " seconds."),
                null,
                null,
                seconds(decision),
                Map.of("RateLimit-Policy", decision.policy().header(), "RateLimit", decision.header()));
    }

    private static int seconds(RateLimiter.Decision decision) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, decision.retryAfterSeconds()));
    }
}
