package dev.saasapi.organizations.boundary;

import static dev.saasapi.it.Api.json;
import static dev.saasapi.it.Api.uniqueEmail;

import dev.saasapi.it.Api;
import dev.saasapi.it.TestDatabase;
import jakarta.json.Json;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.UUID;

/**
 * An organization made for one test through the API, with an owner; more people are added with a role
 * straight in the database (how they get there, by invitation, is tested on its own).
 */
final class Tenant {

    static final String PASSWORD = "tenant-Passw0rd-1";

    /** One account: its token, id and email. */
    record Person(String token, UUID id, String email) {}

    final Api api;
    final UUID id;
    final Person owner;

    private Tenant(Api api, UUID id, Person owner) {
        this.api = api;
        this.id = id;
        this.owner = owner;
    }

    static Tenant create(Api api) {
        Person owner = person(api);
        HttpResponse<String> created = api.postJson(
                "/orgs",
                owner.token(),
                Json.createObjectBuilder()
                        .add("name", "Tenant " + owner.id())
                        .build()
                        .toString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("organization not created: " + created.statusCode() + " " + created.body());
        }
        return new Tenant(api, UUID.fromString(json(created).getString("id")), owner);
    }

    /** A new account that belongs to no organization. */
    static Person person(Api api) {
        String email = uniqueEmail();
        String token = api.registeredToken(email, PASSWORD);
        UUID id = UUID.fromString(json(api.get("/users/me", token)).getString("id"));
        return new Person(token, id, email);
    }

    /** A new account, a member of this organization with the role. */
    Person add(String role) throws SQLException {
        Person person = person(api);
        add(person, role);
        return person;
    }

    void add(Person person, String role) throws SQLException {
        TestDatabase.update(
                "INSERT INTO memberships (organization_id, user_id, role, joined_at) VALUES (?, ?, ?, now())",
                id,
                person.id(),
                role);
    }

    /** Invites the email as the owner; returns the invitation's id. */
    String invite(String email, String role) {
        HttpResponse<String> created = api.postJson(
                path() + "/invitations",
                owner.token(),
                Json.createObjectBuilder()
                        .add("email", email)
                        .add("role", role)
                        .build()
                        .toString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("invitation not created: " + created.statusCode() + " " + created.body());
        }
        return json(created).getString("id");
    }

    String path() {
        return "/orgs/" + id;
    }

    String role(UUID user) throws SQLException {
        return TestDatabase.queryString(
                        "SELECT role FROM memberships WHERE organization_id = ? AND user_id = ?", id, user)
                .orElse(null);
    }
}
