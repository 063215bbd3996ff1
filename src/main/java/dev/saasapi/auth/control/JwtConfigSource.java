package dev.saasapi.auth.control;

import dev.saasapi.config.control.InvalidConfigurationException;
import dev.saasapi.config.control.StartupChecks;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Tells MicroProfile JWT what to verify: the public half of the signing key, the issuer and the
 * audience. Its low ordinal lets an operator override a value through the spec's own variables
 * ({@code MP_JWT_VERIFY_ISSUER}, ...). Broken settings yield nothing here and are logged once.
 */
public class JwtConfigSource implements ConfigSource {

    private static final String PUBLIC_KEY = "mp.jwt.verify.publickey";
    private static final String ISSUER = "mp.jwt.verify.issuer";
    private static final String AUDIENCES = "mp.jwt.verify.audiences";

    @Override
    public Map<String, String> getProperties() {
        try {
            TokenSettings settings = TokenSettings.current();
            return Map.of(
                    PUBLIC_KEY,
                    settings.key().publicKeyPem(),
                    ISSUER,
                    settings.issuer(),
                    AUDIENCES,
                    settings.audience());
        } catch (InvalidConfigurationException e) {
            StartupChecks.reportOnce(e);
            return Map.of();
        }
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(PUBLIC_KEY, ISSUER, AUDIENCES);
    }

    @Override
    public String getValue(String propertyName) {
        return getPropertyNames().contains(propertyName) ? getProperties().get(propertyName) : null;
    }

    @Override
    public String getName() {
        return "saas-api JWT settings";
    }

    @Override
    public int getOrdinal() {
        return 150;
    }
}
