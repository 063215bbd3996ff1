package dev.saasapi.it;

import static dev.saasapi.it.Api.json;
import static dev.saasapi.it.Api.uniqueEmail;

import jakarta.json.Json;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.UUID;

/**
 * An organization made for one test through the API, with an owner; more people are added with a role
 * straight in the database (how they get there, by invitation, is tested on its own).
 */
public final class Tenant {

    public static final String PASSWORD = "tenant-Passw0rd-1";

    /** One account: its token, id and email. */
    public record Person(String token, UUID id, String email) {}

    public final Api api;
    public final UUID id;
    public final Person owner;

    private Tenant(Api api, UUID id, Person owner) {
        this.api = api;
        this.id = id;
        this.owner = owner;
    }

    public static Tenant create(Api api) {
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
    public static Person person(Api api) {
        String email = uniqueEmail();
        String token = api.registeredToken(email, PASSWORD);
        UUID id = UUID.fromString(json(api.get("/users/me", token)).getString("id"));
        return new Person(token, id, email);
    }

    /** A new account, a member of this organization with the role. */
    public Person add(String role) throws SQLException {
        Person person = person(api);
        add(person, role);
        return person;
    }

    public void add(Person person, String role) throws SQLException {
        TestDatabase.update(
                "INSERT INTO memberships (organization_id, user_id, role, joined_at) VALUES (?, ?, ?, now())",
                id,
                person.id(),
                role);
    }

    /** Invites the email as the owner; returns the invitation's id. */
    public String invite(String email, String role) {
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

    /** An API key of this organization, made by its owner: the key and its id. */
    public record Key(String key, UUID id) {}

    public Key apiKey(String role) {
        HttpResponse<String> created = api.postJson(
                path() + "/api-keys",
                owner.token(),
                Json.createObjectBuilder()
                        .add("name", "key " + role)
                        .add("role", role)
                        .build()
                        .toString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("API key not created: " + created.statusCode() + " " + created.body());
        }
        return new Key(
                json(created).getString("key"), UUID.fromString(json(created).getString("id")));
    }

    /** The key as a caller: its "token" is the key itself, and it has no account. */
    public Person apiKeyCaller(String role) {
        return new Person(apiKey(role).key(), null, null);
    }

    public String path() {
        return "/orgs/" + id;
    }

    public String role(UUID user) throws SQLException {
        return TestDatabase.queryString(
                        "SELECT role FROM memberships WHERE organization_id = ? AND user_id = ?", id, user)
                .orElse(null);
    }
}
