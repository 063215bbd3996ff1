package dev.saasapi.identity.control;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONStringUtils;
import dev.saasapi.identity.control.AccessTokenVerifier.Verification;
import dev.saasapi.platform.config.control.Settings;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.StringLength;

/**
 * Whatever a client puts in a bearer token, the verifier answers with a refusal, never an exception:
 * text of any kind, three segments of any JSON (members of the wrong type, huge numbers, deep
 * nesting, odd base64url), and claims of any shape signed with the server's own key, which reach
 * every claim check. An exception here would be a 500 at the HTTP level.
 */
class AccessTokenFuzzTest {

    private static final TokenSettings SETTINGS = new TokenSettings(new Settings(variable -> Optional.empty()));
    private static final String KEY_ID = SETTINGS.key().keyId();
    private static final String ALGORITHM = SETTINGS.key().algorithm().getName();

    private static final List<String> HEADER_MEMBERS = List.of(
            "alg", "typ", "kid", "crit", "b64", "cty", "jku", "jwk", "x5u", "x5c", "x5t", "x5t#S256", "zip", "enc");
    private static final List<String> CLAIMS = List.of(
            "iss", "sub", "aud", "exp", "nbf", "iat", "jti", "sid", "auth_time", "groups", "upn", "preferred_username");

    private final AccessTokenVerifier verifier = verifier();

    @Property(tries = 2000)
    void refusesAnyTextWithoutAnException(@ForAll @StringLength(max = 400) String token) {
        assertRefused(token);
    }

    @Property(tries = 3000)
    void refusesAnyJsonInItsSegmentsWithoutAnException(
            @ForAll("headers") String header, @ForAll("claims") String claims, @ForAll("signatures") String signature) {
        assertRefused(Base64URL.encode(header) + "." + Base64URL.encode(claims) + "." + signature);
    }

    @Property(tries = 3000)
    void checksClaimsOfAnyShapeSignedWithTheServerKeyWithoutAnException(
            @ForAll("headers") String header, @ForAll("claims") String claims) {
        String token = signed(header, claims);
        Verification verification = verifier.verify(token);
        if (verification.claims() == null) {
            assertPrintableRejection(verification, token);
        }
    }

    @Property(tries = 1000)
    void refusesEveryClaimOfTheWrongTypeOrValue(@ForAll("wrongClaims") Tuple.Tuple2<String, String> wrong) {
        String token = signed(ourHeader(), validClaimsWith(wrong.get1(), wrong.get2()));
        Verification verification = verifier.verify(token);
        assertNull(verification.claims(), () -> wrong.get1() + "=" + wrong.get2() + " was accepted");
        assertPrintableRejection(verification, token);
    }

    @Example
    void acceptsTheValidClaimsTheOtherPropertiesStartFrom() {
        assertNotNull(verifier.verify(signed(ourHeader(), validClaimsWith(null, null)))
                .claims());
    }

    /** Inputs fuzzing found: each was a 500 or an accepted token before the verifier was fixed. */
    @Example
    void refusesWhatFuzzingFound() {
        // a header that is JSON null: an unchecked exception from the parser, a 500 with an empty body
        assertRefused(Base64URL.encode("null") + "." + Base64URL.encode("{}") + ".c2ln");
        assertRefused(signed("null", validClaimsWith(null, null)));
        // signed with our key, so only a leaked key could make them; each was accepted
        for (String[] claim : new String[][] {
            {"exp", "null"},
            {"iat", "null"},
            {"nbf", "null"},
            {"nbf", "9223372036854776"},
            {"iat", "123456789012345678901234567890"},
            {"sub", "\"\""},
            {"sub", "0"},
            {"jti", "-1"},
            // our audience among others: we issue tokens for one audience only
            {"aud", "[\"\",\"saas-api\"]"},
            {"aud", "[\"saas-api\",\"saas-api\"]"}
        }) {
            Verification verification = verifier.verify(signed(ourHeader(), validClaimsWith(claim[0], claim[1])));
            assertNull(verification.claims(), () -> claim[0] + "=" + claim[1] + " was accepted");
        }
    }

    @Example
    void refusesDeeplyNestedJsonWithoutAnException() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertRefused(Base64URL.encode(deep) + "." + Base64URL.encode(deep) + ".c2ln");
        assertRefused(signed(ourHeader(), "{\"sub\":" + deep + "}"));
    }

    @Provide
    Arbitrary<String> headers() {
        Arbitrary<String> ours = Arbitraries.just(ourHeader());
        Arbitrary<String> oursWithOneMemberChanged = Combinators.combine(Arbitraries.of(HEADER_MEMBERS), json(2))
                .as((name, value) -> objectWith(ourHeaderMembers(), name, value));
        return Arbitraries.frequencyOf(
                Tuple.of(1, ours),
                Tuple.of(4, oursWithOneMemberChanged),
                Tuple.of(2, object(HEADER_MEMBERS, 2)),
                Tuple.of(1, json(3)));
    }

    @Provide
    Arbitrary<String> claims() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, wrongClaims().map(wrong -> validClaimsWith(wrong.get1(), wrong.get2()))),
                Tuple.of(2, object(CLAIMS, 2)),
                Tuple.of(1, json(3)));
    }

    /** One claim of otherwise valid claims replaced by any JSON value (which the claim never has). */
    @Provide
    Arbitrary<Tuple.Tuple2<String, String>> wrongClaims() {
        Arbitrary<String> checked = Arbitraries.of("iss", "sub", "aud", "exp", "nbf", "iat", "jti");
        return Combinators.combine(checked, json(2))
                .as(Tuple::of)
                .filter(wrong -> !stillValid(wrong.get1(), wrong.get2()));
    }

    @Provide
    Arbitrary<String> signatures() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("ABCxyz019-_").ofMaxLength(400),
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.of("", "=", "====", "a", "ab", "abc", "+/+/", "%00", " "));
    }

    /** Any JSON text up to {@code depth} levels deep, with the values parsers trip over most. */
    private static Arbitrary<String> json(int depth) {
        Arbitrary<String> leaf = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(20).map(JSONStringUtils::toJSONString),
                Arbitraries.of(
                                KEY_ID,
                                ALGORITHM,
                                "none",
                                "HS256",
                                "JWT",
                                "saas-api",
                                "user",
                                "b64",
                                "",
                                UUID.randomUUID().toString())
                        .map(JSONStringUtils::toJSONString),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.doubles().map(String::valueOf),
                Arbitraries.of(
                        "1e400",
                        "-1e400",
                        "1.5",
                        "-0",
                        "0",
                        "9223372036854775808",
                        "-9223372036854775809",
                        "123456789012345678901234567890",
                        "1E+2",
                        "0.0000001",
                        "true",
                        "false",
                        "null",
                        String.valueOf(Instant.now().getEpochSecond()),
                        String.valueOf(Instant.now().getEpochSecond() * 1000)));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<String> array = json(depth - 1).list().ofMaxSize(4).map(items -> "[" + String.join(",", items) + "]");
        return Arbitraries.frequencyOf(Tuple.of(6, leaf), Tuple.of(1, array), Tuple.of(1, object(CLAIMS, depth - 1)));
    }

    private static Arbitrary<String> object(List<String> names, int depth) {
        Arbitrary<String> name =
                Arbitraries.oneOf(Arbitraries.of(names), Arbitraries.strings().ofMaxLength(8));
        return Combinators.combine(name, json(depth))
                .as((key, value) -> JSONStringUtils.toJSONString(key) + ":" + value)
                .list()
                .ofMaxSize(8)
                .map(members -> "{" + String.join(",", members) + "}");
    }

    private static Map<String, String> ourHeaderMembers() {
        Map<String, String> members = new LinkedHashMap<>();
        members.put("alg", JSONStringUtils.toJSONString(ALGORITHM));
        members.put("typ", "\"JWT\"");
        members.put("kid", JSONStringUtils.toJSONString(KEY_ID));
        return members;
    }

    static String ourHeader() {
        return objectWith(ourHeaderMembers(), null, null);
    }

    /** The claims the server issues, with {@code name} set to the JSON text {@code value} (null: none changed). */
    static String validClaimsWith(String name, String value) {
        long now = Instant.now().getEpochSecond();
        Map<String, String> members = new LinkedHashMap<>();
        members.put("iss", "\"saas-api\"");
        members.put("aud", "\"saas-api\"");
        members.put("sub", JSONStringUtils.toJSONString(UUID.randomUUID().toString()));
        members.put("iat", String.valueOf(now));
        members.put("exp", String.valueOf(now + 300));
        members.put("jti", JSONStringUtils.toJSONString(UUID.randomUUID().toString()));
        members.put("groups", "[\"user\"]");
        return objectWith(members, name, value);
    }

    private static String objectWith(Map<String, String> members, String name, String value) {
        if (name != null) {
            members.put(name, value);
        }
        List<String> text = new ArrayList<>();
        members.forEach((key, json) -> text.add(JSONStringUtils.toJSONString(key) + ":" + json));
        return "{" + String.join(",", text) + "}";
    }

    /** Values a valid token could have: strings for the string claims, and times in range. */
    private static boolean stillValid(String claim, String value) {
        long now = Instant.now().getEpochSecond();
        return switch (claim) {
            case "sub", "jti" -> value.matches("\"\\p{XDigit}{8}(-\\p{XDigit}{4}){3}-\\p{XDigit}{12}\"");
            case "iss", "aud" -> value.equals("\"saas-api\"") || value.equals("[\"saas-api\"]");
            case "exp" -> isNumber(value) && Double.parseDouble(value) > now + 1;
            case "iat" -> isNumber(value) && Double.parseDouble(value) <= now + 60;
            case "nbf" -> isNumber(value) && Double.parseDouble(value) <= now;
            default -> false;
        };
    }

    private static boolean isNumber(String value) {
        try {
            Double.parseDouble(value);
            return !value.contains("Infinity") && !value.contains("NaN");
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static String signed(String header, String claims) {
        String signingInput = Base64URL.encode(header) + "." + Base64URL.encode(claims);
        try {
            Base64URL signature = SETTINGS.key()
                    .signer()
                    .sign(new JWSHeader(SETTINGS.key().algorithm()), signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + signature;
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private void assertRefused(String token) {
        Verification verification = verifier.verify(token);
        assertNull(verification.claims(), token);
        assertPrintableRejection(verification, token);
    }

    private static void assertPrintableRejection(Verification verification, String token) {
        String rejection = verification.rejection();
        assertNotNull(rejection, token);
        assertTrue(rejection.chars().allMatch(c -> c >= 0x20 && c < 0x7f), rejection);
        assertTrue(token.length() < 8 || !rejection.contains(token), "the rejection quotes the token");
    }

    static AccessTokenVerifier verifier() {
        AccessTokenVerifier verifier = new AccessTokenVerifier();
        verifier.settings = SETTINGS;
        return verifier;
    }
}
