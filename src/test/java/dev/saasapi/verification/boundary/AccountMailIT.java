package dev.saasapi.verification.boundary;

import static dev.saasapi.it.Api.json;
import static dev.saasapi.it.Api.uniqueEmail;
import static dev.saasapi.it.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saasapi.it.Concurrently;
import dev.saasapi.it.HttpIT;
import dev.saasapi.it.TestDatabase;
import dev.saasapi.it.TestMail;
import jakarta.json.Json;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * Every mail flow end to end: the API call, the mail as the SMTP server received it, the link's token
 * used through the API.
 */
class AccountMailIT extends HttpIT {

    private static final String PASSWORD = "s3cret-Passw0rd";
    private static final String NEW_PASSWORD = "n3w-s3cret-Passw0rd";
    private static final String VERIFY_PAGE = "/account/verify-email";
    private static final String RESET_PAGE = "/account/reset-password";

    private final TestMail mail = TestMail.suite();

    @Test
    void registrationMailsALinkThatVerifiesTheEmailOnce() throws Exception {
        String email = uniqueEmail();
        HttpResponse<String> registered = api.register(email, PASSWORD);
        assertEquals(201, registered.statusCode());
        assertFalse(json(registered).getBoolean("email_verified"));

        MimeMessage message = mail.awaitOne(email, "Confirm your email address");
        assertEquals(TestMail.SENDER, message.getFrom()[0].toString());
        String link = TestMail.link(message, TestMail.SUITE_PUBLIC_URL, VERIFY_PAGE);
        assertTrue(link.startsWith(TestMail.SUITE_PUBLIC_URL + VERIFY_PAGE + "#token="), link);
        String token = TestMail.token(link);
        String access = accessToken(email, PASSWORD);
        assertFalse(json(api.get("/users/me", access)).getBoolean("email_verified"));

        HttpResponse<String> verified = verify(token);
        assertEquals(200, verified.statusCode(), verified.body());
        assertTrue(json(verified).getBoolean("email_verified"));
        assertEquals(email, json(verified).getString("email"));
        assertTrue(json(api.get("/users/me", access)).getBoolean("email_verified"));

        assertProblem(verify(token), 400, "/problems/invalid-email-token");
        assertEquals(
                "",
                TestDatabase.queryString("SELECT coalesce(body_text, '') FROM mail_outbox WHERE recipient = ?", email)
                        .orElseThrow(),
                "the sent mail's text, with its live token, is not kept");
    }

    @Test
    void tokensThatAreNotLiveAreRefusedAlike() throws Exception {
        String email = uniqueEmail();
        api.register(email, PASSWORD);
        String token =
                TestMail.token(TestMail.link(mail.awaitOne(email, "Confirm"), TestMail.SUITE_PUBLIC_URL, VERIFY_PAGE));
        TestDatabase.update(
                "UPDATE email_tokens SET expires_at = now() - interval '1 second' WHERE user_id ="
                        + " (SELECT id FROM users WHERE email = ?)",
                email);

        HttpResponse<String> expired = verify(token);
        HttpResponse<String> unknown = verify("A".repeat(43));
        HttpResponse<String> malformed = verify("not a token");
        for (HttpResponse<String> refused : List.of(expired, unknown, malformed)) {
            assertProblem(refused, 400, "/problems/invalid-email-token");
        }
        assertEquals(json(expired).getString("detail"), json(unknown).getString("detail"));
        assertProblem(api.postJson("/auth/verify-email", "{}"), 422, "/problems/validation");
        assertProblem(api.postJson("/auth/verify-email", "{\"token\":42}"), 400, "/problems/malformed-body");
        HttpResponse<String> resetWithVerificationToken = confirmReset(token, NEW_PASSWORD);
        assertProblem(resetWithVerificationToken, 400, "/problems/invalid-email-token");
    }

    @Test
    void resendAnswersAlikeForEveryAddressAndMailsOnlyAnUnverifiedAccount() throws Exception {
        String unverified = uniqueEmail();
        String verified = uniqueEmail();
        String unknown = uniqueEmail();
        api.register(unverified, PASSWORD);
        api.register(verified, PASSWORD);
        mail.awaitOne(unverified, "Confirm");
        verify(TestMail.token(
                TestMail.link(mail.awaitOne(verified, "Confirm"), TestMail.SUITE_PUBLIC_URL, VERIFY_PAGE)));
        olderTokens(unverified);
        olderTokens(verified);

        HttpResponse<String> toUnknown = resend(unknown);
        HttpResponse<String> toVerified = resend(verified);
        HttpResponse<String> toUnverified = resend(unverified);

        for (HttpResponse<String> answer : List.of(toUnknown, toVerified, toUnverified)) {
            assertEquals(202, answer.statusCode(), answer.body());
            assertEquals(toUnverified.body(), answer.body());
        }
        List<MimeMessage> mails = mail.await(unverified, 2, Duration.ofSeconds(20));
        String newToken = TestMail.token(TestMail.link(mails.get(1), TestMail.SUITE_PUBLIC_URL, VERIFY_PAGE));
        assertEquals(200, verify(newToken).statusCode());
        assertProblem(
                verify(TestMail.token(TestMail.link(mails.get(0), TestMail.SUITE_PUBLIC_URL, VERIFY_PAGE))),
                400,
                "/problems/invalid-email-token"); // replaced by the newer one
        Thread.sleep(1000);
        assertEquals(1, mail.to(verified).size(), "nothing more for a verified account");
        assertEquals(0, mail.to(unknown).size(), "nothing for an address without an account");
    }

    @Test
    void atMostOneMailOfAKindPerAccountAndMinute() throws Exception {
        String email = uniqueEmail();
        api.register(email, PASSWORD);
        mail.awaitOne(email, "Confirm");
        assertEquals(202, resend(email).statusCode()); // within the minute of the registration's mail
        assertEquals(202, resetRequest(email).statusCode());
        assertEquals(202, resetRequest(email).statusCode());
        mail.awaitOne(email, "Reset your password");
        Thread.sleep(1000);
        assertEquals(List.of("Confirm your email address", "Reset your password"), mail.subjects(email));
    }

    @Test
    void aPasswordResetEndsEverySessionAndVerifiesTheEmail() throws Exception {
        String email = uniqueEmail();
        api.register(email, PASSWORD);
        HttpResponse<String> login = api.login(email, PASSWORD);
        String access = json(login).getString("access_token");
        String refresh = json(login).getString("refresh_token");

        HttpResponse<String> requested = resetRequest(email);
        assertEquals(202, requested.statusCode());
        assertEquals(resetRequest(uniqueEmail()).body(), requested.body(), "the same answer for an unknown address");
        String link = TestMail.link(mail.awaitOne(email, "Reset your password"), TestMail.SUITE_PUBLIC_URL, RESET_PAGE);
        String token = TestMail.token(link);

        assertProblem(confirmReset(token, "short"), 422, "/problems/validation");
        assertProblem(confirmReset(token, "password"), 422, "/problems/validation");
        assertEquals(204, confirmReset(token, NEW_PASSWORD).statusCode(), "a refused password leaves the token");

        assertEquals(401, api.get("/users/me", access).statusCode(), "access tokens issued before are refused");
        assertEquals(401, api.refresh(refresh).statusCode(), "every session ended");
        assertEquals(401, api.login(email, PASSWORD).statusCode());
        String newAccess = json(api.login(email, NEW_PASSWORD)).getString("access_token");
        assertTrue(json(api.get("/users/me", newAccess)).getBoolean("email_verified"));
        assertProblem(confirmReset(token, "an0ther-Passw0rd"), 400, "/problems/invalid-email-token");

        MimeMessage notice = mail.awaitOne(email, "Your password was changed");
        assertTrue(TestMail.text(notice).contains(TestMail.SUITE_PUBLIC_URL + RESET_PAGE), TestMail.text(notice));
        assertFalse(TestMail.text(notice).contains(NEW_PASSWORD));
    }

    @Test
    void aPasswordChangeEndsOutstandingResetLinksAndSendsANotice() throws Exception {
        String email = uniqueEmail();
        String access = api.registeredToken(email, PASSWORD);
        resetRequest(email);
        String token = TestMail.token(
                TestMail.link(mail.awaitOne(email, "Reset your password"), TestMail.SUITE_PUBLIC_URL, RESET_PAGE));

        HttpResponse<String> changed = api.postJson(
                "/users/me/password",
                access,
                Json.createObjectBuilder()
                        .add("current_password", PASSWORD)
                        .add("new_password", NEW_PASSWORD)
                        .build()
                        .toString());
        assertEquals(200, changed.statusCode(), changed.body());

        assertProblem(confirmReset(token, "an0ther-Passw0rd"), 400, "/problems/invalid-email-token");
        mail.awaitOne(email, "Your password was changed");
    }

    @Test
    void anEmailChangeMailsALinkToTheNewAddressAndANoticeToTheOldOne() throws Exception {
        String old = uniqueEmail();
        String access = api.registeredToken(old, PASSWORD);
        String oldToken =
                TestMail.token(TestMail.link(mail.awaitOne(old, "Confirm"), TestMail.SUITE_PUBLIC_URL, VERIFY_PAGE));
        String changedTo = uniqueEmail();

        HttpResponse<String> patched = changeEmail(access, changedTo);
        assertEquals(200, patched.statusCode(), patched.body());
        assertEquals(changedTo, json(patched).getString("email"));
        assertFalse(json(patched).getBoolean("email_verified"));

        String notice = TestMail.text(mail.awaitOne(old, "Your email address was changed"));
        assertFalse(notice.contains(changedTo), "the new address is shown masked: " + notice);
        assertTrue(notice.contains(changedTo.substring(0, 1) + "***@"), notice);
        assertProblem(verify(oldToken), 400, "/problems/invalid-email-token"); // for the address it left
        String token = TestMail.token(
                TestMail.link(mail.awaitOne(changedTo, "Confirm"), TestMail.SUITE_PUBLIC_URL, VERIFY_PAGE));
        assertTrue(json(verify(token)).getBoolean("email_verified"));
    }

    @Test
    void ofTwoConfirmationsWithOneTokenExactlyOneWins() throws Exception {
        String email = uniqueEmail();
        api.register(email, PASSWORD);
        resetRequest(email);
        String token = TestMail.token(
                TestMail.link(mail.awaitOne(email, "Reset your password"), TestMail.SUITE_PUBLIC_URL, RESET_PAGE));

        List<Callable<Integer>> confirmations = List.of(
                () -> confirmReset(token, "first-Passw0rd-1").statusCode(),
                () -> confirmReset(token, "second-Passw0rd-2").statusCode(),
                () -> confirmReset(token, "third-Passw0rd-3").statusCode());
        List<Integer> statuses = Concurrently.run(confirmations);

        assertEquals(1, statuses.stream().filter(status -> status == 204).count(), statuses.toString());
        assertEquals(2, statuses.stream().filter(status -> status == 400).count(), statuses.toString());
        long logins = List.of("first-Passw0rd-1", "second-Passw0rd-2", "third-Passw0rd-3").stream()
                .filter(password -> api.login(email, password).statusCode() == 200)
                .count();
        assertEquals(1, logins, "the account has the winner's password");
    }

    @Test
    void anAddressSmtpCannotCarryIsGivenUpAtOnceAndHoldsNoOtherMailBack() throws Exception {
        String id = java.util.UUID.randomUUID().toString();
        String quoted = "\"q\".x-" + id + "@example.com"; // valid for the API, not for Jakarta Mail
        String unicode = "j\u00e1n-" + id + "@example.com"; // would be cut to another address
        String idn = "idn-" + id + "@b\u00fccher.example";
        String plain = uniqueEmail();
        for (String email : List.of(quoted, unicode, idn, plain)) {
            assertEquals(201, api.register(email, PASSWORD).statusCode(), email);
        }

        mail.awaitOne(plain, "Confirm your email address");
        mail.awaitOne("idn-" + id + "@xn--bcher-kva.example", "Confirm your email address");
        for (String email : List.of(quoted, unicode)) {
            waitForGivenUp(email);
        }
        assertEquals(List.of(), mail.to("jan-" + id + "@example.com"), "never mailed to the address cut to bytes");
    }

    @Test
    void anEmailInOtherCapitalsStaysVerifiedAndMailsNobody() throws Exception {
        String email = uniqueEmail();
        String access = api.registeredToken(email, PASSWORD);
        verify(TestMail.token(TestMail.link(mail.awaitOne(email, "Confirm"), TestMail.SUITE_PUBLIC_URL, VERIFY_PAGE)));

        HttpResponse<String> patched = changeEmail(access, email.toUpperCase(java.util.Locale.ROOT));
        assertEquals(200, patched.statusCode(), patched.body());
        assertTrue(json(patched).getBoolean("email_verified"));
        Thread.sleep(1500);
        assertEquals(List.of("Confirm your email address"), mail.subjects(email));
    }

    @Test
    void emailChangesMailAtMostOnceAMinute() throws Exception {
        String email = uniqueEmail();
        String access = api.registeredToken(email, PASSWORD);
        mail.awaitOne(email, "Confirm");
        olderTokens(email);
        String first = uniqueEmail();
        String second = uniqueEmail();

        for (String changedTo : List.of(first, second)) {
            HttpResponse<String> patched = changeEmail(access, changedTo);
            assertEquals(200, patched.statusCode(), patched.body());
        }

        mail.awaitOne(first, "Confirm your email address");
        mail.awaitOne(email, "Your email address was changed");
        Thread.sleep(1500);
        assertEquals(List.of(), mail.to(second), "the second change within the minute mails nobody");
        assertEquals(
                1,
                mail.withSubject(first, "changed").size()
                        + mail.withSubject(first, "Confirm").size());
    }

    private static void waitForGivenUp(String email) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (TestDatabase.count(
                        "SELECT count(*) FROM mail_outbox WHERE recipient = ? AND failed_at IS NOT NULL"
                                + " AND body_text IS NULL AND attempts = 1",
                        email)
                != 1) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the mail to " + email + " was not given up after one attempt");
            }
            Thread.sleep(200);
        }
    }

    private HttpResponse<String> verify(String token) {
        return api.postJson(
                "/auth/verify-email",
                Json.createObjectBuilder().add("token", token).build().toString());
    }

    private HttpResponse<String> changeEmail(String access, String email) {
        return api.patchJson(
                "/users/me",
                access,
                Json.createObjectBuilder()
                        .add("email", email)
                        .add("current_password", PASSWORD)
                        .build()
                        .toString());
    }

    private HttpResponse<String> resend(String email) {
        return api.postJson("/auth/verify-email/resend", emailBody(email));
    }

    private HttpResponse<String> resetRequest(String email) {
        return api.postJson("/auth/password-reset", emailBody(email));
    }

    private HttpResponse<String> confirmReset(String token, String password) {
        return api.postJson(
                "/auth/password-reset/confirm",
                Json.createObjectBuilder()
                        .add("token", token)
                        .add("new_password", password)
                        .build()
                        .toString());
    }

    private String accessToken(String email, String password) {
        return json(api.login(email, password)).getString("access_token");
    }

    private static String emailBody(String email) {
        return Json.createObjectBuilder().add("email", email).build().toString();
    }

    /** As if the account's links were mailed more than a minute ago, when another may be sent. */
    private static void olderTokens(String email) throws Exception {
        TestDatabase.update(
                "UPDATE email_tokens SET created_at = created_at - interval '2 minutes' WHERE user_id ="
                        + " (SELECT id FROM users WHERE email = ?)",
                email);
    }
}
