package dev.saasapi.organizations.boundary;

import static dev.saasapi.it.Api.json;
import static dev.saasapi.it.Api.jsonArray;
import static dev.saasapi.it.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saasapi.it.Concurrently;
import dev.saasapi.it.HttpIT;
import dev.saasapi.it.Tenant;
import dev.saasapi.it.Tenant.Person;
import dev.saasapi.it.TestDatabase;
import dev.saasapi.it.TestMail;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/** Invitations by email, through the suite's SMTP server, and their acceptance. */
class InvitationsIT extends HttpIT {

    private static final String PAGE = "/account/accept-invitation";
    private static final String INVALID_TOKEN = "/problems/invalid-email-token";
    private static final String MISMATCH = "/problems/invitation-email-mismatch";

    private final TestMail mail = TestMail.suite();

    private static String invitation(String email, String role) {
        return Json.createObjectBuilder()
                .add("email", email)
                .add("role", role)
                .build()
                .toString();
    }

    private static String token(String token) {
        return Json.createObjectBuilder().add("token", token).build().toString();
    }

    /** A new account whose email is verified, through its mailed link. */
    private Person verifiedPerson() {
        Person person = Tenant.person(api);
        String link = TestMail.link(
                mail.awaitOne(person.email(), "Confirm"), TestMail.SUITE_PUBLIC_URL, "/account/verify-email");
        assertEquals(
                200,
                api.postJson("/auth/verify-email", token(TestMail.token(link))).statusCode());
        return person;
    }

    private String mailedToken(String email) {
        MimeMessage message = mail.awaitOne(email, "You are invited");
        return TestMail.token(TestMail.link(message, TestMail.SUITE_PUBLIC_URL, PAGE));
    }

    @Test
    void anInvitationMailsALinkAndAcceptingItJoinsWithTheRole() throws Exception {
        Tenant tenant = Tenant.create(api);
        Person invitee = verifiedPerson();

        HttpResponse<String> created = api.postJson(
                tenant.path() + "/invitations", tenant.owner.token(), invitation(invitee.email(), "admin"));

        assertEquals(201, created.statusCode(), created.body());
        JsonObject body = json(created);
        assertEquals(invitee.email(), body.getString("email"));
        assertEquals("admin", body.getString("role"));
        assertEquals("pending", body.getString("status"));
        OffsetDateTime expires = OffsetDateTime.parse(body.getString("expires_at"));
        assertTrue(expires.isAfter(OffsetDateTime.now().plusDays(6))
                && expires.isBefore(OffsetDateTime.now().plusDays(8)));
        assertFalse(body.containsKey("token"));
        assertTrue(created.headers()
                .firstValue("Location")
                .orElseThrow()
                .endsWith(tenant.path() + "/invitations/" + body.getString("id")));
        MimeMessage message = mail.awaitOne(invitee.email(), "You are invited");
        assertTrue(TestMail.text(message).contains("\"Tenant " + tenant.owner.id() + "\""), TestMail.text(message));
        String token = TestMail.token(TestMail.link(message, TestMail.SUITE_PUBLIC_URL, PAGE));
        assertEquals(
                0,
                TestDatabase.count("SELECT count(*) FROM invitations WHERE token_hash = ? OR email = ?", token, token));

        HttpResponse<String> accepted = api.postJson("/invitations/accept", invitee.token(), token(token));

        assertEquals(200, accepted.statusCode(), accepted.body());
        assertEquals(tenant.id.toString(), json(accepted).getString("id"));
        assertEquals("admin", json(accepted).getString("role"));
        assertEquals("admin", tenant.role(invitee.id()));
        assertEquals(
                "accepted",
                jsonArray(api.get(tenant.path() + "/invitations?status=accepted", tenant.owner.token()))
                        .getJsonObject(0)
                        .getString("status"));
        assertProblem(api.postJson("/invitations/accept", invitee.token(), token(token)), 400, INVALID_TOKEN);
    }

    @Test
    void onlyTheInvitedVerifiedEmailCanAcceptAndATokenWorksOnce() throws Exception {
        Tenant tenant = Tenant.create(api);
        Person invitee = Tenant.person(api); // not verified yet
        Person someoneElse = verifiedPerson();
        api.postJson(
                tenant.path() + "/invitations",
                tenant.owner.token(),
                invitation(invitee.email().toUpperCase(), "member"));
        String token = mailedToken(invitee.email());

        assertProblem(api.postJson("/invitations/accept", someoneElse.token(), token(token)), 403, MISMATCH);
        assertProblem(api.postJson("/invitations/accept", invitee.token(), token(token)), 403, MISMATCH);
        String link = TestMail.link(
                mail.awaitOne(invitee.email(), "Confirm"), TestMail.SUITE_PUBLIC_URL, "/account/verify-email");
        assertEquals(
                200,
                api.postJson("/auth/verify-email", token(TestMail.token(link))).statusCode());
        assertEquals(
                200,
                api.postJson("/invitations/accept", invitee.token(), token(token))
                        .statusCode(),
                "still usable");
        assertEquals("member", tenant.role(invitee.id()));
        assertEquals(null, tenant.role(someoneElse.id()));

        for (String bad : List.of("A".repeat(43), "short", token)) {
            assertProblem(api.postJson("/invitations/accept", invitee.token(), token(bad)), 400, INVALID_TOKEN);
        }
        assertProblem(api.postJson("/invitations/accept", invitee.token(), "{}"), 422, "/problems/validation");
    }

    @Test
    void revokedReplacedAndExpiredInvitationsAreRefusedAlike() throws Exception {
        Tenant tenant = Tenant.create(api);
        Person invitee = verifiedPerson();
        String path = tenant.path() + "/invitations";

        String first = json(api.postJson(path, tenant.owner.token(), invitation(invitee.email(), "member")))
                .getString("id");
        String firstToken = mailedToken(invitee.email());
        api.postJson(path, tenant.owner.token(), invitation(invitee.email(), "admin"));
        List<MimeMessage> mails = mail.await(invitee.email(), 3, Duration.ofSeconds(10)); // Confirm + 2 invitations
        String secondToken =
                TestMail.token(TestMail.link(mails.get(mails.size() - 1), TestMail.SUITE_PUBLIC_URL, PAGE));
        assertEquals(
                "revoked",
                TestDatabase.queryString(
                                "SELECT CASE WHEN revoked_at IS NULL THEN 'pending' ELSE 'revoked' END FROM invitations WHERE id = ?",
                                UUID.fromString(first))
                        .orElseThrow());
        assertProblem(api.postJson("/invitations/accept", invitee.token(), token(firstToken)), 400, INVALID_TOKEN);

        TestDatabase.update(
                "UPDATE invitations SET expires_at = now() - interval '1 second' WHERE token_hash IS NOT NULL"
                        + " AND organization_id = ? AND revoked_at IS NULL",
                tenant.id);
        assertProblem(api.postJson("/invitations/accept", invitee.token(), token(secondToken)), 400, INVALID_TOKEN);
        assertEquals(
                1,
                jsonArray(api.get(path + "?status=expired", tenant.owner.token()))
                        .size());
        assertEquals(
                1,
                jsonArray(api.get(path + "?status=revoked", tenant.owner.token()))
                        .size());
        assertEquals(
                "2",
                api.get(path, tenant.owner.token())
                        .headers()
                        .firstValue("X-Total-Count")
                        .orElseThrow());
        assertProblem(api.get(path + "?status=bogus", tenant.owner.token()), 422, "/problems/validation");

        String third = json(api.postJson(path, tenant.owner.token(), invitation(invitee.email(), "member")))
                .getString("id");
        assertEquals(204, api.delete(path + "/" + third, tenant.owner.token()).statusCode());
        assertProblem(
                api.postJson("/invitations/accept", invitee.token(), token(mailedTokenNumber(invitee.email(), 4))),
                400,
                INVALID_TOKEN);
        assertProblem(
                api.delete(path + "/" + UUID.randomUUID(), tenant.owner.token()), 404, "/problems/unknown-invitation");
    }

    private String mailedTokenNumber(String email, int count) {
        List<MimeMessage> mails = mail.await(email, count, Duration.ofSeconds(10));
        return TestMail.token(TestMail.link(mails.get(count - 1), TestMail.SUITE_PUBLIC_URL, PAGE));
    }

    @Test
    void membersCannotBeInvitedAndOnlyOwnersInviteOwners() throws Exception {
        Tenant tenant = Tenant.create(api);
        Person admin = tenant.add("admin");
        String path = tenant.path() + "/invitations";

        assertProblem(
                api.postJson(
                        path, tenant.owner.token(), invitation(admin.email().toUpperCase(), "member")),
                409,
                "/problems/already-member");
        assertProblem(
                api.postJson(path, admin.token(), invitation("new-owner@example.com", "owner")),
                403,
                "/problems/insufficient-role");
        assertEquals(
                201,
                api.postJson(path, tenant.owner.token(), invitation("new-owner@example.com", "owner"))
                        .statusCode());
        assertProblem(
                api.postJson(path, tenant.owner.token(), invitation("not an email", "member")),
                422,
                "/problems/validation");
        assertProblem(
                api.postJson(path, tenant.owner.token(), invitation("x@example.com", "boss")),
                422,
                "/problems/validation");
    }

    @Test
    void twoAcceptsOfOneInvitationMakeOneMembership() throws Exception {
        Tenant tenant = Tenant.create(api);
        Person invitee = verifiedPerson();
        api.postJson(tenant.path() + "/invitations", tenant.owner.token(), invitation(invitee.email(), "member"));
        String token = mailedToken(invitee.email());
        Callable<Integer> accept = () -> api.postJson("/invitations/accept", invitee.token(), token(token))
                .statusCode();

        List<Integer> statuses = Concurrently.run(List.of(accept, accept, accept));

        assertEquals(1, statuses.stream().filter(status -> status == 200).count(), statuses.toString());
        assertEquals(2, statuses.stream().filter(status -> status == 400).count(), statuses.toString());
        assertEquals(
                1,
                TestDatabase.count(
                        "SELECT count(*) FROM memberships WHERE organization_id = ? AND user_id = ?",
                        tenant.id,
                        invitee.id()));
    }

    @Test
    void deletingAnOrganizationWhileItsInvitationIsAcceptedLeavesNoOrphans() throws Exception {
        for (int round = 0; round < 3; round++) {
            Tenant tenant = Tenant.create(api);
            Person invitee = verifiedPerson();
            api.postJson(tenant.path() + "/invitations", tenant.owner.token(), invitation(invitee.email(), "member"));
            String token = mailedToken(invitee.email());

            List<Integer> statuses = Concurrently.run(List.of(
                    () -> api.postJson("/invitations/accept", invitee.token(), token(token))
                            .statusCode(),
                    () -> api.delete(tenant.path(), tenant.owner.token()).statusCode()));

            assertEquals(204, statuses.get(1), statuses.toString());
            assertTrue(List.of(200, 400).contains(statuses.get(0)), statuses.toString());
            assertEquals(
                    0, TestDatabase.count("SELECT count(*) FROM memberships WHERE organization_id = ?", tenant.id));
            assertEquals(
                    0, TestDatabase.count("SELECT count(*) FROM invitations WHERE organization_id = ?", tenant.id));
            assertProblem(api.get(tenant.path(), invitee.token()), 404, "/problems/unknown-organization");
        }
    }
}
