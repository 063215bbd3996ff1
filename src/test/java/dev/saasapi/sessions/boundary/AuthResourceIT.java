package dev.saasapi.sessions.boundary;

import static dev.saasapi.it.Api.contentType;
import static dev.saasapi.it.Api.json;
import static dev.saasapi.it.Api.uniqueEmail;
import static dev.saasapi.it.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import dev.saasapi.it.Api;
import dev.saasapi.it.Concurrently;
import dev.saasapi.it.HttpIT;
import dev.saasapi.it.TestDatabase;
import dev.saasapi.it.TestTokens;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;

class AuthResourceIT extends HttpIT {

    private static final String PASSWORD = "s3cret-Passw0rd";

    @Test
    void registersAccountAndStoresOnlyAnArgon2idHash() throws Exception {
        String email = uniqueEmail();
        Instant before = Instant.now().minusSeconds(1);

        HttpResponse<String> response = api.register(email, PASSWORD);

        assertEquals(201, response.statusCode(), response.body());
        assertTrue(contentType(response).startsWith(Api.JSON));
        assertEquals(
                api.uri("/users/me").toString(),
                response.headers().firstValue("Location").orElseThrow());
        JsonObject user = json(response);
        assertEquals(java.util.Set.of("id", "email", "is_active", "email_verified", "created_at"), user.keySet());
        UUID id = UUID.fromString(user.getString("id"));
        assertEquals(email, user.getString("email"));
        assertTrue(user.getBoolean("is_active"));
        Instant created = OffsetDateTime.parse(user.getString("created_at")).toInstant();
        assertTrue(!created.isBefore(before) && created.isBefore(Instant.now().plusSeconds(1)), created.toString());

        String hash = TestDatabase.queryString("SELECT password_hash FROM users WHERE id = ?", id)
                .orElseThrow();
        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
        assertFalse(hash.contains(PASSWORD));
        assertEquals(
                email,
                TestDatabase.queryString("SELECT email FROM users WHERE id = ?", id)
                        .orElseThrow());
        assertEquals(
                created,
                OffsetDateTime.parse(TestDatabase.queryString(
                                        "SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')"
                                                + " FROM users WHERE id = ?",
                                        id)
                                .orElseThrow())
                        .toInstant());
    }

    @Test
    void trimsTheEmail() {
        String email = uniqueEmail();

        HttpResponse<String> response = api.register("  " + email + "\t", PASSWORD);

        assertEquals(201, response.statusCode(), response.body());
        assertEquals(email, json(response).getString("email"));
        assertEquals(200, api.login(email, PASSWORD).statusCode());
    }

    @Test
    void rejectsDuplicateEmailRegardlessOfCase() throws Exception {
        String email = uniqueEmail();
        assertEquals(201, api.register(email, PASSWORD).statusCode());

        HttpResponse<String> duplicate = api.register(email.toUpperCase(Locale.ROOT), "another-password");

        assertProblem(duplicate, 409, "/problems/email-taken");
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM users WHERE lower(email) = lower(?)", email));
    }

    @Test
    void concurrentRegistrationsOfOneEmailCreateExactlyOneAccount() throws Exception {
        String email = uniqueEmail();
        List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            // half of them vary the case: the database must see them as one email
            String variant = i % 2 == 0 ? email : email.toUpperCase(Locale.ROOT);
            calls.add(() -> api.register(variant, PASSWORD));
        }

        List<HttpResponse<String>> responses = Concurrently.run(calls);

        assertEquals(1, responses.stream().filter(r -> r.statusCode() == 201).count());
        responses.stream()
                .filter(r -> r.statusCode() != 201)
                .forEach(r -> assertProblem(r, 409, "/problems/email-taken"));
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM users WHERE lower(email) = lower(?)", email));
    }

    @Test
    void rejectsInvalidEmailAndShortPasswordWithFieldErrors() throws Exception {
        String email = "not-an-email";

        HttpResponse<String> response = api.register(email, "short");

        JsonObject problem = assertProblem(response, 422, "/problems/validation");
        assertEquals(
                Map.of(
                        "email",
                        "must be a valid email address of at most 254 characters",
                        "password",
                        "must be between 8 and 128 characters of valid Unicode text"),
                Map.of(
                        problem.getJsonArray("errors").getJsonObject(0).getString("field"),
                        problem.getJsonArray("errors").getJsonObject(0).getString("message"),
                        problem.getJsonArray("errors").getJsonObject(1).getString("field"),
                        problem.getJsonArray("errors").getJsonObject(1).getString("message")));
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM users WHERE email = ?", email));
    }

    @Test
    void countsPasswordLengthInCharactersNotUtf16Units() {
        // four emoji are eight UTF-16 units but only four characters
        HttpResponse<String> tooShort = api.register(uniqueEmail(), "😀😀😀😀");
        assertProblem(tooShort, 422, "/problems/validation");

        HttpResponse<String> longEnough = api.register(uniqueEmail(), "😀😀😀😀😀😀😀😀");
        assertEquals(201, longEnough.statusCode(), longEnough.body());
    }

    @Test
    void keepsEveryCharacterOfPasswordsUpTo128Characters() {
        String email = uniqueEmail();
        String password = "p".repeat(127) + "1";

        assertEquals(201, api.register(email, password).statusCode());

        assertEquals(401, api.login(email, "p".repeat(127) + "2").statusCode(), "no truncation");
        assertEquals(401, api.login(email, " " + password).statusCode(), "no trimming");
        assertEquals(200, api.login(email, password).statusCode());
        assertProblem(api.register(uniqueEmail(), password + "x"), 422, "/problems/validation");
    }

    @Test
    void rejectsInvisibleCharactersThatWouldMakeLookAlikeAccounts() throws Exception {
        String email = uniqueEmail();
        assertEquals(201, api.register(email, PASSWORD).statusCode());

        for (String lookAlike : List.of(
                email + "\u00a0",
                email + "\u200b",
                "\u200b" + email,
                email.replace("@", "\u2060@"),
                email.replace("@", "\ufffd@"))) {
            assertProblem(api.register(lookAlike, PASSWORD), 422, "/problems/validation");
        }
        assertEquals(
                1,
                TestDatabase.count(
                        "SELECT count(*) FROM users WHERE email LIKE ?", "%" + email.substring(5, 41) + "%"));
    }

    @Test
    void rejectsTheMostCommonPasswordsInAnyLetterCase() throws Exception {
        for (String common : List.of("password1", "PASSWORD1", "12345678", "iloveyou", "Qwertyuiop")) {
            String email = uniqueEmail();
            JsonObject problem = assertProblem(api.register(email, common), 422, "/problems/validation");
            assertEquals(
                    "password", problem.getJsonArray("errors").getJsonObject(0).getString("field"));
            assertTrue(problem.toString().contains("common"), problem.toString());
            assertEquals(0, TestDatabase.count("SELECT count(*) FROM users WHERE email = ?", email));
        }
    }

    @Test
    void rehashesAPasswordHashMadeWithOlderParametersOnLogin() throws Exception {
        String email = uniqueEmail();
        assertEquals(201, api.register(email, PASSWORD).statusCode());
        String older = olderArgon2idHash(PASSWORD);
        TestDatabase.update("UPDATE users SET password_hash = ? WHERE email = ?", older, email);

        assertEquals(200, api.login(email, PASSWORD).statusCode(), "the older hash still verifies");

        String upgraded = TestDatabase.queryString("SELECT password_hash FROM users WHERE email = ?", email)
                .orElseThrow();
        assertTrue(upgraded.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), upgraded);
        assertEquals(200, api.login(email, PASSWORD).statusCode(), "the new hash verifies");
        assertEquals(401, api.login(email, "wrong-Passw0rd").statusCode());
    }

    /** Argon2id with the weaker parameters of an earlier policy (m=4096, t=1). */
    private static String olderArgon2idHash(String password) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        var generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(4096)
                .withIterations(1)
                .withParallelism(1)
                .withSalt(salt)
                .build());
        byte[] hash = new byte[32];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), hash);
        var b64 = Base64.getEncoder().withoutPadding();
        return "$argon2id$v=19$m=4096,t=1,p=1$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    @Test
    void rejectsPasswordsThatAreNotWellFormedText() {
        String json = "{\"email\": \"" + uniqueEmail() + "\", \"password\": \"abcdefgh\\ud800\"}";

        assertProblem(api.postJson("/auth/register", json), 422, "/problems/validation");
    }

    @Test
    void rejectsEmailLongerThan254Characters() {
        String local = "a".repeat(64);
        String email = local + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(58) + ".com";
        assertTrue(email.length() > 254);

        assertProblem(api.register(email, PASSWORD), 422, "/problems/validation");
    }

    @Test
    void rejectsMissingFieldsAndMissingBody() {
        JsonObject problem = assertProblem(api.postJson("/auth/register", "{}"), 422, "/problems/validation");
        assertEquals(2, problem.getJsonArray("errors").size());

        assertProblem(api.postJson("/auth/register", ""), 400, "/problems/malformed-body");
    }

    @Test
    void rejectsMalformedJsonWithBadRequest() {
        assertProblem(api.postJson("/auth/register", "{\"email\": \"a@b.c\", "), 400, "/problems/malformed-body");
        for (String wrongTypes : List.of(
                "{\"email\": 5, \"password\": \"s3cret-Passw0rd\"}",
                "{\"email\": \"" + uniqueEmail() + "\", \"password\": 12345678}",
                "{\"email\": \"" + uniqueEmail() + "\", \"password\": true}",
                "{\"email\": \"" + uniqueEmail() + "\", \"password\": [\"s3cret-Passw0rd\"]}",
                "[]",
                "\"just a string\"")) {
            assertProblem(api.postJson("/auth/register", wrongTypes), 400, "/problems/malformed-body");
        }
    }

    @Test
    void logsInWithThePasswordGrantAndIssuesAVerifiableBearerToken() throws Exception {
        String email = uniqueEmail();
        String id = json(api.register(email, PASSWORD)).getString("id");

        HttpResponse<String> response =
                api.postForm("/auth/login", Map.of("grant_type", "password", "username", email, "password", PASSWORD));

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElseThrow());
        JsonObject body = json(response);
        assertEquals("bearer", body.getString("token_type"));
        assertEquals(900, body.getJsonNumber("expires_in").longValue()); // the 15-minute default
        SignedJWT jwt = SignedJWT.parse(body.getString("access_token"));
        assertEquals("RS256", jwt.getHeader().getAlgorithm().getName());
        assertEquals("JWT", jwt.getHeader().getType().getType());
        assertNotNull(jwt.getHeader().getKeyID());
        var claims = jwt.getJWTClaimsSet();
        assertEquals(id, claims.getSubject());
        assertEquals("saas-api", claims.getIssuer());
        assertEquals(List.of("saas-api"), claims.getAudience());
        assertEquals(List.of("user"), claims.getStringListClaim("groups"));
        assertNotNull(claims.getJWTID());
        assertEquals(
                Duration.ofMinutes(15),
                Duration.between(
                        claims.getIssueTime().toInstant(),
                        claims.getExpirationTime().toInstant()));
        assertEquals(36, claims.getStringClaim("sid").length(), "the session, a UUID");
        long authTime = claims.getLongClaim("auth_time");
        assertTrue(Math.abs(authTime - claims.getIssueTime().toInstant().getEpochSecond()) <= 1, "logged in just now");
        assertFalse(claims.getClaims().containsValue(email), "the email is not part of the token");
    }

    @Test
    void logsInWithTheEmailInAnyCase() {
        String email = uniqueEmail();
        api.register(email, PASSWORD);

        assertEquals(200, api.login(email.toUpperCase(Locale.ROOT), PASSWORD).statusCode());
    }

    @Test
    void answersWrongPasswordAndUnknownEmailIdentically() {
        String email = uniqueEmail();
        api.register(email, PASSWORD);

        // the same request id for both, the only member that differs between any two answers
        HttpResponse<String> wrongPassword = api.login(email, PASSWORD + "x", "compare-1");
        HttpResponse<String> unknownEmail = api.login(uniqueEmail(), PASSWORD, "compare-1");

        JsonObject problem = assertProblem(wrongPassword, 401, "/problems/invalid-credentials");
        assertProblem(unknownEmail, 401, "/problems/invalid-credentials");
        assertEquals(wrongPassword.body(), unknownEmail.body());
        assertEquals("invalid_grant", problem.getString("error"), "OAuth2 clients read the error code");
        assertEquals(problem.getString("detail"), problem.getString("error_description"));
        assertEquals(
                "Bearer", wrongPassword.headers().firstValue("WWW-Authenticate").orElseThrow());
        assertEquals(
                "Bearer", unknownEmail.headers().firstValue("WWW-Authenticate").orElseThrow());
    }

    @Test
    void ignoresAStaleTokenSentToThePublicEndpoints() {
        String email = uniqueEmail();
        String expired = TestTokens.signedByServerKey(
                UUID.randomUUID().toString(),
                claims -> claims.issueTime(Date.from(Instant.now().minusSeconds(7200)))
                        .expirationTime(Date.from(Instant.now().minusSeconds(3600))));

        HttpResponse<String> registered = api.send(api.request("/auth/register")
                .header("Content-Type", Api.JSON)
                .header("Authorization", "Bearer " + expired)
                .POST(HttpRequest.BodyPublishers.ofString(Api.registration(email, PASSWORD))));
        HttpResponse<String> login = api.send(api.request("/auth/login")
                .header("Content-Type", Api.FORM)
                .header("Authorization", "Bearer not-even-a-jwt")
                .POST(HttpRequest.BodyPublishers.ofString(Api.form(Map.of("username", email, "password", PASSWORD)))));
        HttpResponse<String> docs = api.send(api.request("/openapi.json").header("Authorization", "Bearer " + expired));

        assertEquals(201, registered.statusCode(), registered.body());
        assertEquals(200, login.statusCode(), login.body());
        assertEquals(200, docs.statusCode());
        assertEquals(401, api.get("/users/me", expired).statusCode(), "protected paths still check the token");
    }

    @Test
    void rejectsOtherGrantTypes() {
        String email = uniqueEmail();
        api.register(email, PASSWORD);

        HttpResponse<String> response = api.postForm(
                "/auth/login", Map.of("grant_type", "client_credentials", "username", email, "password", PASSWORD));

        assertEquals(
                "unsupported_grant_type",
                assertProblem(response, 400, "/problems/unsupported-grant-type").getString("error"));
    }

    @Test
    void rejectsLoginWithoutUsernameOrPassword() {
        JsonObject problem = assertProblem(api.postForm("/auth/login", Map.of()), 422, "/problems/validation");
        assertEquals("password", problem.getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals("username", problem.getJsonArray("errors").getJsonObject(1).getString("field"));
        assertEquals("invalid_request", problem.getString("error"), "OAuth2 clients read the error code");
    }

    @Test
    void refusesADisabledAccountExactlyLikeAWrongPassword() throws Exception {
        String email = uniqueEmail();
        api.register(email, PASSWORD);
        HttpResponse<String> wrongPassword = api.login(email, "wrong-password", "compare-2");
        assertEquals(1, TestDatabase.update("UPDATE users SET is_active = false WHERE email = ?", email));

        HttpResponse<String> disabled = api.login(email, PASSWORD, "compare-2");

        assertProblem(disabled, 401, "/problems/invalid-credentials");
        assertEquals(wrongPassword.body(), disabled.body());
    }

    @Test
    void rejectsJsonSentToTheLoginForm() {
        HttpResponse<String> response = api.send(api.request("/auth/login")
                .header("Content-Type", Api.JSON)
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"a@b.c\",\"password\":\"12345678\"}")));

        assertProblem(response, 415, "about:blank");
    }
}
