package dev.saasapi.identity.control;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Turns a verified token into the caller principal that MicroProfile JWT's beans read. Payara's
 * producers of {@code JsonWebToken} and of {@code @Claim} values return the caller principal's claims
 * only when it is Payara's own {@code JsonWebTokenImpl}; for any other principal they return an empty
 * token. That class is not published on Maven Central, but the WAR sees it at run time (Payara Micro's
 * boot class loader), so its public constructor {@code (String name, Map<String, JsonValue> claims)}
 * is looked up by name, once, when the application starts.
 */
public final class MicroProfileJwtPrincipals {

    static final String PAYARA_TOKEN_CLASS = "fish.payara.microprofile.jwtauth.jwt.JsonWebTokenImpl";
    /** Looked up once: finding the provider on every call cost a third of a request (BENCHMARKS.md). */
    private static final JsonProvider JSON = JsonProvider.provider();

    private static volatile MethodHandle constructor;

    private MicroProfileJwtPrincipals() {}

    /**
     * Finds Payara's class; without it, {@code @Inject JsonWebToken} could not work, and the
     * deployment fails here rather than at the first request.
     */
    public static void requireRuntimeSupport() {
        constructor();
    }

    /** The principal for a token whose signature and claims were verified. */
    public static JsonWebToken of(JWTClaimsSet verified, String rawToken) {
        JsonObject payload = JSON.createObjectBuilder(verified.toJSONObject()).build();
        Map<String, JsonValue> claims = new HashMap<>(payload);
        claims.put(Claims.raw_token.name(), JSON.createValue(rawToken));
        try {
            return (JsonWebToken) constructor().invoke(callerName(claims), claims);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("Cannot create " + PAYARA_TOKEN_CLASS, e);
        }
    }

    /** The name MicroProfile JWT gives the caller: {@code upn}, else {@code preferred_username}, else {@code sub}. */
    private static String callerName(Map<String, JsonValue> claims) {
        for (Claims claim : new Claims[] {Claims.upn, Claims.preferred_username, Claims.sub}) {
            if (claims.get(claim.name()) instanceof JsonString name) {
                return name.getString();
            }
        }
        return null;
    }

    private static MethodHandle constructor() {
        MethodHandle found = constructor;
        if (found == null) {
            try {
                Class<?> type =
                        Class.forName(PAYARA_TOKEN_CLASS, true, MicroProfileJwtPrincipals.class.getClassLoader());
                constructor = found = MethodHandles.publicLookup()
                        .findConstructor(type, MethodType.methodType(void.class, String.class, Map.class));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(
                        PAYARA_TOKEN_CLASS + " (MicroProfile JWT in Payara) is needed for @Inject JsonWebToken", e);
            }
        }
        return found;
    }
}
