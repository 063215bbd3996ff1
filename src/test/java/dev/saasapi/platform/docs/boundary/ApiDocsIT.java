package dev.saasapi.platform.docs.boundary;

import static dev.saasapi.it.Api.contentType;
import static dev.saasapi.it.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saasapi.it.HttpIT;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ApiDocsIT extends HttpIT {

    @Test
    void servesSwaggerUiAndItsAssetsFromTheServer() {
        for (String path : List.of("/docs", "/docs/")) {
            HttpResponse<String> page = api.get(path);
            assertEquals(200, page.statusCode(), path);
            assertTrue(contentType(page).startsWith("text/html"), contentType(page));
            assertTrue(page.body().contains("swagger-ui"), page.body());
        }
        String page = api.get("/docs").body();
        Matcher assets = Pattern.compile("(?:href|src)=\"(/[^\"]+)\"").matcher(page);
        int found = 0;
        while (assets.find()) {
            String asset = assets.group(1);
            assertTrue(!asset.startsWith("//"), "no external asset: " + asset);
            HttpResponse<String> response = api.get(asset);
            assertEquals(200, response.statusCode(), asset);
            assertTrue(response.body().length() > 100, asset);
            found++;
        }
        assertEquals(3, found, "stylesheet, bundle and initialiser");
        assertTrue(api.get("/docs/init.js").body().contains("'/openapi.json'"));
    }

    @Test
    void describesEveryOperationInOpenApiJson() {
        HttpResponse<String> response = api.get("/openapi.json");

        assertEquals(200, response.statusCode());
        assertTrue(contentType(response).startsWith("application/json"), contentType(response));
        JsonObject doc = json(response);
        assertTrue(doc.getString("openapi").startsWith("3."));
        Set<String> standardMembers =
                Set.of("openapi", "info", "servers", "paths", "components", "security", "tags", "externalDocs");
        assertTrue(
                doc.keySet().stream().allMatch(key -> standardMembers.contains(key) || key.startsWith("x-")),
                "only OpenAPI 3.0 members: " + doc.keySet());
        JsonObject paths = doc.getJsonObject("paths");
        assertEquals(Set.of("post"), operations(paths, "/auth/register"));
        assertEquals(Set.of("post"), operations(paths, "/auth/login"));
        assertEquals(Set.of("post"), operations(paths, "/auth/refresh"));
        assertEquals(Set.of("post"), operations(paths, "/auth/logout"));
        assertEquals(Set.of("get", "patch", "delete"), operations(paths, "/users/me"));
        assertEquals(Set.of("post"), operations(paths, "/users/me/password"));
        assertEquals(Set.of("get"), operations(paths, "/users/me/sessions"));
        assertEquals(Set.of("delete"), operations(paths, "/users/me/sessions/{id}"));
        assertEquals(Set.of("get"), operations(paths, "/.well-known/jwks.json"));
        assertEquals("/", doc.getJsonArray("servers").getJsonObject(0).getString("url"));

        JsonObject register = paths.getJsonObject("/auth/register").getJsonObject("post");
        assertEquals(
                Set.of("201", "400", "409", "413", "415", "422", "429", "503"),
                register.getJsonObject("responses").keySet());
        assertTrue(
                register.getJsonObject("requestBody").getJsonObject("content").containsKey("application/json"));
        JsonObject conflict = resolve(doc, register.getJsonObject("responses").getJsonObject("409"));
        assertEquals(
                "#/components/schemas/Problem",
                conflict.getJsonObject("content")
                        .getJsonObject("application/problem+json")
                        .getJsonObject("schema")
                        .getString("$ref"));

        JsonObject login = paths.getJsonObject("/auth/login").getJsonObject("post");
        assertTrue(login.getJsonObject("responses").keySet().containsAll(Set.of("200", "401")));
        assertEquals(
                "#/components/schemas/LoginForm",
                login.getJsonObject("requestBody")
                        .getJsonObject("content")
                        .getJsonObject("application/x-www-form-urlencoded")
                        .getJsonObject("schema")
                        .getString("$ref"));

        for (String[] operation : List.of(
                new String[] {"/users/me", "get"},
                new String[] {"/users/me", "patch"},
                new String[] {"/users/me", "delete"},
                new String[] {"/users/me/password", "post"},
                new String[] {"/users/me/sessions", "get"},
                new String[] {"/users/me/sessions/{id}", "delete"},
                new String[] {"/auth/logout", "post"})) {
            String method = operation[0] + " " + operation[1];
            JsonObject me = paths.getJsonObject(operation[0]).getJsonObject(operation[1]);
            assertEquals(
                    Set.of("oauth2"),
                    me.getJsonArray("security").getJsonObject(0).keySet(),
                    method);
            assertEquals(
                    "#/components/responses/Unauthorized",
                    me.getJsonObject("responses").getJsonObject("401").getString("$ref"),
                    method);
        }
    }

    @Test
    void answersHeadForTheDocumentEvenWithABody() throws java.io.IOException {
        dev.saasapi.it.RawHttp raw = new dev.saasapi.it.RawHttp(api.uri("/"));
        for (String body : new String[] {"", "d"}) {
            dev.saasapi.it.RawHttp.Response response = raw.send(("HEAD /openapi.json HTTP/1.1\r\nHost: localhost\r\n"
                            + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body)
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));

            assertEquals(200, response.status(), "HEAD with a body of " + body.length() + " bytes");
        }
    }

    @Test
    void declaresThePasswordFlowAgainstTheLoginEndpoint() {
        JsonObject components = json(api.get("/openapi.json")).getJsonObject("components");

        JsonObject oauth2 = components.getJsonObject("securitySchemes").getJsonObject("oauth2");
        assertEquals("oauth2", oauth2.getString("type"));
        assertEquals(
                "/auth/login",
                oauth2.getJsonObject("flows").getJsonObject("password").getString("tokenUrl"));
        assertEquals(
                "/auth/refresh",
                oauth2.getJsonObject("flows").getJsonObject("password").getString("refreshUrl"));

        JsonObject schemas = components.getJsonObject("schemas");
        assertEquals(
                Set.of("username", "password", "grant_type"),
                schemas.getJsonObject("LoginForm").getJsonObject("properties").keySet());
        assertEquals(
                Set.of("id", "email", "is_active", "email_verified", "created_at"),
                schemas.getJsonObject("User").getJsonObject("properties").keySet());
        assertEquals(
                Set.of("access_token", "token_type", "expires_in", "refresh_token"),
                schemas.getJsonObject("Token").getJsonObject("properties").keySet());
        assertTrue(schemas.getJsonObject("Problem")
                .getJsonObject("properties")
                .keySet()
                .containsAll(Set.of("type", "title", "status", "detail")));
    }

    private static final Set<String> OPERATIONS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    @Test
    void documentsExactlyTheOperationsTheServerHas() throws Exception {
        JsonObject paths = json(api.get("/openapi.json")).getJsonObject("paths");
        Set<String> documented = new TreeSet<>();
        paths.forEach((path, item) -> item.asJsonObject().keySet().stream()
                .filter(OPERATIONS::contains) // a path item may also hold parameters, a summary, ...
                .forEach(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path)));

        assertEquals(ResourceMethods.all(), documented);
    }

    /** Follows a {@code $ref} to components/responses. */
    private static JsonObject resolve(JsonObject doc, JsonObject response) {
        if (!response.containsKey("$ref")) {
            return response;
        }
        String name = response.getString("$ref").substring("#/components/responses/".length());
        return doc.getJsonObject("components").getJsonObject("responses").getJsonObject(name);
    }

    private static Set<String> operations(JsonObject paths, String path) {
        assertTrue(paths.containsKey(path), path + " in " + paths.keySet());
        return paths.getJsonObject(path).keySet();
    }
}
