package dev.saasapi.platform.http.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RouteTemplatesTest {

    @Test
    void joinsClassAndMethodPathsIntoOneTemplate() {
        assertEquals("/auth/login", RouteTemplates.join("auth", "login"));
        assertEquals("/users/me", RouteTemplates.join("/users/me/", ""));
        assertEquals("/.well-known/jwks.json", RouteTemplates.join(".well-known/jwks.json", ""));
    }

    @Test
    void labelsARequestWithItsTemplateAndAnythingElseAsUnmatched() {
        RouteTemplates.add("/test-routes/things");
        RouteTemplates.add("/test-routes/things/{id}");
        RouteTemplates.add("/test-routes/things/{id: [0-9]+}/parts");

        assertEquals("/test-routes/things", RouteTemplates.of("/test-routes/things"));
        assertEquals("/test-routes/things", RouteTemplates.of("/test-routes/things/"));
        assertEquals("/test-routes/things/{id}", RouteTemplates.of("/test-routes/things/42"));
        assertEquals("/test-routes/things/{id: [0-9]+}/parts", RouteTemplates.of("/test-routes/things/42/parts"));
        assertEquals(RouteTemplates.UNMATCHED, RouteTemplates.of("/test-routes/things/42/43"));
        assertEquals(RouteTemplates.UNMATCHED, RouteTemplates.of("/test-routes/other"));
        assertEquals(RouteTemplates.UNMATCHED, RouteTemplates.of("/test-routes/things.*"));
    }
}
