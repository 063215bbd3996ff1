package dev.saasapi.platform.http.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Base64;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;

class SecretRedactionTest {

    /** Where secrets turn up in lines others write: URIs, forms, JSON, headers, exception texts. */
    @Property
    void noSecretSurvivesInAnyOfTheShapesItReachesALogIn(
            @ForAll("secrets") String secret, @ForAll("lines") String line, @ForAll("names") String name) {
        String logged = line.replace("SECRET", secret).replace("NAME", name);
        assertFalse(
                SecretRedaction.redact(logged).contains(secret), () -> logged + " → " + SecretRedaction.redact(logged));
    }

    @Provide
    Arbitrary<String> secrets() {
        Arbitrary<String> passwords = Arbitraries.strings()
                .withCharRange('!', '~')
                .withChars('é', 'ü', 'ß')
                .ofMinLength(8)
                .ofMaxLength(40)
                .filter(s -> s.chars().noneMatch(c -> c == '&' || c == '"'));
        Arbitrary<String> opaque = Arbitraries.bytes()
                .array(byte[].class)
                .ofSize(32)
                .map(bytes -> Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        Arbitrary<String> jwt = Arbitraries.strings()
                .withCharRange('a', 'z')
                .ofMinLength(10)
                .ofMaxLength(60)
                .map(payload -> "eyJhbGciOiJSUzI1NiJ9." + payload + ".c2lnbmF0dXJl");
        return Arbitraries.oneOf(passwords, opaque, jwt);
    }

    @Provide
    Arbitrary<String> lines() {
        return Arbitraries.of(
                "A servlet request to the URI http://localhost:8080/auth/login?NAME=SECRET contains form parameters",
                "GET /users/me?x=1&NAME=SECRET HTTP/1.1",
                "NAME=SECRET&grant_type=password",
                "{\"email\":\"a@example.com\",\"NAME\":\"SECRET\"}",
                "{\"NAME\": \"SECRET\", \"other\": 1}",
                "NAME: SECRET",
                "Authorization: Bearer SECRET",
                "header authorization=[bearer SECRET]",
                "Basic SECRET",
                "java.lang.IllegalArgumentException: bad input NAME=SECRET at position 3");
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.of(
                "password",
                "current_password",
                "new_password",
                "refresh_token",
                "access_token",
                "token",
                "client_secret",
                "api_key",
                "Password");
    }

    @Property
    void tokensAreTakenOutWhereverTheyStand(
            @ForAll @StringLength(min = 10, max = 60) @AlphaChars @NumericChars String text) {
        String refreshToken = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(UUID.randomUUID().toString().substring(0, 32).getBytes());
        String jwt = "eyJraWQiOiJrIn0.eyJzdWIiOiIx" + text + ".sig" + text;
        String line = "session " + refreshToken + " and " + jwt + " seen";
        String redacted = SecretRedaction.redact(line);
        assertFalse(redacted.contains(refreshToken), redacted);
        assertFalse(redacted.contains(text), redacted);
    }

    @Example
    void linesWithoutSecretsAreLeftAsTheyAre() {
        for (String line : new String[] {
            "method=GET route=/users/me status=200 duration_ms=1.2 user_id=6f1c2b9e-3f49-4a53-9d0a-7e3f0b6d2c11",
            "[request_id=0b6d2c11-3f49-4a53-9d0a-7e3f0b6d2c11] refused access token (expired) from 127.0.0.1 to /users/me",
            "Cannot start saas-api: ACCESS_TOKEN_EXPIRE_MINUTES must be a whole number of minutes from 1 to 1440",
            "saas-api is ready: http://localhost:8080/docs",
            "Liquibase: Update has been successful. Rows affected: 3",
            "Payara Micro 6.2025.11 #badassmicrofish (build 1) ready in 12,345 (ms)",
            "the token has expired",
            "Refused access token from 127.0.0.1 for /users/me/password: not a signed JWT",
            "What? No."
        }) {
            assertSame(line, SecretRedaction.redact(line), line);
        }
    }

    @Example
    void keepsWhatTellsTheOperatorWhatHappened() {
        assertEquals(
                "A servlet request to the URI http://localhost:8080/auth/login?[redacted] contains form parameters",
                SecretRedaction.redact(
                        "A servlet request to the URI http://localhost:8080/auth/login?username=a%40b.c&password=x1"
                                + " contains form parameters"));
        assertEquals("Authorization: Bearer [redacted]", SecretRedaction.redact("Authorization: Bearer abc.def"));
        assertEquals(
                "{\"email\":\"a@b.c\",\"password\":[redacted]}",
                SecretRedaction.redact("{\"email\":\"a@b.c\",\"password\":\"with \\\" quote and space\"}"));
    }
}
