package dev.saasapi.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** A small HTTP client for the API under test: real requests, no shortcuts. */
public final class Api {

    public static final String JSON = "application/json";
    public static final String FORM = "application/x-www-form-urlencoded";
    public static final String PROBLEM = "application/problem+json";

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final HttpClient HTTP_1_1_CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final URI root;
    private final HttpClient client;

    public Api(URL deployment) {
        this(URI.create(deployment.toString()), CLIENT);
    }

    private Api(URI deployment, HttpClient client) {
        // the API lives at the server root whatever context the connector reports
        this.root = deployment.resolve("/");
        this.client = client;
    }

    /**
     * The same API over HTTP/1.1 only, as a reverse proxy talks to it. (Over cleartext HTTP/2 the
     * server answers an oversized body with 413 but does not reset the stream, so a client that keeps
     * sending stalls.)
     */
    public Api http11() {
        return new Api(root, HTTP_1_1_CLIENT);
    }

    public URI uri(String path) {
        return root.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    public static String uniqueEmail() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path));
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    public HttpResponse<String> get(String path, String token) {
        return send(request(path).header("Authorization", "Bearer " + token).GET());
    }

    public HttpResponse<String> postJson(String path, String json) {
        return send(request(path).header("Content-Type", JSON).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> patchJson(String path, String token, String json) {
        return send(request(path)
                .header("Content-Type", JSON)
                .header("Authorization", "Bearer " + token)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> postJson(String path, String token, String json) {
        return send(request(path)
                .header("Content-Type", JSON)
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A POST without a body, as logout is sent. */
    public HttpResponse<String> post(String path, String token) {
        return send(request(path).header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()));
    }

    public HttpResponse<String> delete(String path, String token) {
        return send(request(path).header("Authorization", "Bearer " + token).DELETE());
    }

    public HttpResponse<String> deleteJson(String path, String token, String json) {
        return send(request(path)
                .header("Content-Type", JSON)
                .header("Authorization", "Bearer " + token)
                .method("DELETE", HttpRequest.BodyPublishers.ofString(json)));
    }

    /** The OAuth2 refresh-token grant at {@code /auth/refresh}. */
    public HttpResponse<String> refresh(String refreshToken) {
        return postForm("/auth/refresh", Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    public HttpResponse<String> postForm(String path, Map<String, String> fields) {
        return send(request(path).header("Content-Type", FORM).POST(HttpRequest.BodyPublishers.ofString(form(fields))));
    }

    public HttpResponse<String> register(String email, String password) {
        return postJson("/auth/register", registration(email, password));
    }

    public HttpResponse<String> login(String username, String password) {
        return postForm("/auth/login", Map.of("username", username, "password", password));
    }

    /** A login sent with the given X-Request-Id, so that two answers can be compared byte for byte. */
    public HttpResponse<String> login(String username, String password, String requestId) {
        return send(request("/auth/login")
                .header("Content-Type", FORM)
                .header("X-Request-Id", requestId)
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password)))));
    }

    /** Registers a new account and returns its access token. */
    public String registeredToken(String email, String password) {
        HttpResponse<String> registered = register(email, password);
        if (registered.statusCode() != 201) {
            throw new IllegalStateException(
                    "registration failed: " + registered.statusCode() + " " + registered.body());
        }
        HttpResponse<String> login = login(email, password);
        if (login.statusCode() != 200) {
            throw new IllegalStateException("login failed: " + login.statusCode() + " " + login.body());
        }
        return json(login).getString("access_token");
    }

    public static String registration(String email, String password) {
        return Json.createObjectBuilder()
                .add("email", email)
                .add("password", password)
                .build()
                .toString();
    }

    public static JsonObject json(HttpResponse<String> response) {
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    public static JsonArray jsonArray(HttpResponse<String> response) {
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readArray();
        }
    }

    public static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }
}
