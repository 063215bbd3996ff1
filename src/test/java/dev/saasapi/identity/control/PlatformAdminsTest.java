package dev.saasapi.identity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.saasapi.platform.config.control.InvalidConfigurationException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlatformAdminsTest {

    @Test
    void readsCommaSeparatedAddressesWithoutCaseOrSpaces() {
        assertEquals(
                Set.of("ops@example.com", "b@example.org"), PlatformAdmins.parse(" Ops@Example.com ,, b@example.org,"));
        assertEquals(Set.of(), PlatformAdmins.parse(""));
    }

    @Test
    void refusesAnEntryThatIsNoAddressWithoutEchoingIt() {
        for (String text : Set.of("ops", "@example.com", "ops@", "a@b@c", "a b@example.com")) {
            InvalidConfigurationException e =
                    assertThrows(InvalidConfigurationException.class, () -> PlatformAdmins.parse(text), text);
            assertEquals(false, e.getMessage().contains(text), e.getMessage());
        }
    }
}
