package dev.saasapi.platform.ratelimit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    @Test
    void anIpv6ClientIsLimitedByItsSlash64AndAnIpv4ClientByItsAddress() {
        String key = RateLimiter.addressKey("2001:db8:1:2:aaaa:bbbb:cccc:dddd");
        assertEquals("2001:db8:1:2:0:0:0:0/64", key);
        assertEquals(key, RateLimiter.addressKey("2001:db8:1:2::1"));
        assertEquals("2001:db8:1:3:0:0:0:0/64", RateLimiter.addressKey("2001:db8:1:3::1"));
        assertEquals("203.0.113.7", RateLimiter.addressKey("203.0.113.7"));
        assertEquals("203.0.113.7", RateLimiter.addressKey("::ffff:203.0.113.7"));
        assertEquals("local", RateLimiter.addressKey("local"));
    }
}
