package dev.saasapi.platform.ratelimit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saasapi.platform.ratelimit.entity.RateLimitPolicy;
import java.time.Duration;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Whatever an operator writes into a RATE_LIMIT_* variable, it reads as a bounded policy or as wrong, never an exception. */
class RateLimitSettingsPropertiesTest {

    @Property(tries = 3000)
    void anyTextIsABoundedPolicyOrRefused(@ForAll("settings") String text) {
        Optional<RateLimitPolicy> policy = RateLimitSettings.parse("p", text);
        policy.filter(RateLimitPolicy::enabled).ifPresent(read -> {
            assertTrue(read.limit() >= 1, text);
            assertTrue(read.period().compareTo(Duration.ZERO) > 0, text);
            assertTrue(read.period().compareTo(Duration.ofDays(1)) <= 0, text);
        });
    }

    @Property(tries = 1000)
    void requestsPerMinutesReadAsWritten(
            @ForAll @IntRange(min = 1, max = 1_000_000) int limit, @ForAll @IntRange(min = 1, max = 1440) int minutes) {
        assertEquals(
                Optional.of(new RateLimitPolicy("p", limit, Duration.ofMinutes(minutes))),
                RateLimitSettings.parse("p", limit + "/" + minutes + "m"));
    }

    @Provide
    Arbitrary<String> settings() {
        Arbitrary<String> numbers =
                Arbitraries.strings().withChars("0123456789-+ .e").ofMaxLength(12);
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(30),
                Arbitraries.strings().withChars("0123456789/smhdSMHDw -").ofMaxLength(14),
                numbers.flatMap(count -> numbers.flatMap(length ->
                        Arbitraries.of("s", "m", "h", "d", "", "x").map(unit -> count + "/" + length + unit))));
    }
}
