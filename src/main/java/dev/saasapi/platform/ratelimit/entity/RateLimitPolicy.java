package dev.saasapi.platform.ratelimit.entity;

import java.time.Duration;
import java.util.Locale;

/**
 * A limit of {@code limit} requests per {@code period} for one client, named as in the {@code
 * RateLimit-Policy} header ({@code "login"}); a limit of 0 is no limit.
 */
public record RateLimitPolicy(String name, long limit, Duration period) {

    public static RateLimitPolicy off(String name) {
        return new RateLimitPolicy(name, 0, Duration.ZERO);
    }

    public boolean enabled() {
        return limit > 0;
    }

    /** The draft's {@code RateLimit-Policy} item: {@code "login";q=30;w=300}. */
    public String header() {
        return "\"" + name + "\";q=" + limit + ";w=" + period.toSeconds();
    }

    /** "30/5m": how the setting writes it. */
    @Override
    public String toString() {
        return enabled() ? limit + "/" + period.toString().substring(2).toLowerCase(Locale.ROOT) : "0";
    }
}
