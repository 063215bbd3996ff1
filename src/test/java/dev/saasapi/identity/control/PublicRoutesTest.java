package dev.saasapi.identity.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServlet;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PublicRoutesTest {

    @Path("auth")
    @PermitAll
    public static class TokenEndpoints {
        @POST
        @Path("login")
        public void login() {}

        @POST
        @Path("whoami")
        @RolesAllowed("user")
        public void whoami() {}
    }

    @Path("things")
    public static class Things {
        @GET
        @PermitAll
        public void list() {}

        @POST
        @RolesAllowed("user")
        public void add() {}

        @GET
        @Path("{id}/public")
        @PermitAll
        public void one() {}
    }

    @PermitAll
    public static class OpenServlet extends HttpServlet {}

    public static class ClosedServlet extends HttpServlet {}

    private static final ServletContext SERVLETS = servletContext(Map.of(
            "open",
            registration(OpenServlet.class, List.of("/open", "/open-tree/*")),
            "closed",
            registration(ClosedServlet.class, List.of("/closed", "/closed-tree/*")),
            "microprofile-healthcheck-servlet",
            registration("microprofile-healthcheck-servlet", ClosedServlet.class, List.of("/health/*"))));

    @BeforeAll
    static void collectResources() {
        PublicRoutes.collect(TokenEndpoints.class);
        PublicRoutes.collect(Things.class);
    }

    @Test
    void methodsOfAPublicClassArePublic() {
        assertTrue(PublicRoutes.isPublic(SERVLETS, "/auth/login"));
    }

    @Test
    void aProtectedMethodInAPublicClassIsProtected() {
        assertFalse(PublicRoutes.isPublic(SERVLETS, "/auth/whoami"));
    }

    @Test
    void aPathIsPublicOnlyWhenEveryMethodAtItIs() {
        assertFalse(PublicRoutes.isPublic(SERVLETS, "/things"));
        assertTrue(PublicRoutes.isPublic(SERVLETS, "/things/42/public"));
    }

    @Test
    void noPrefixMakesAPathPublic() {
        assertFalse(PublicRoutes.isPublic(SERVLETS, "/auth/anything-new"));
        assertFalse(PublicRoutes.isPublic(SERVLETS, "/auth/login/more"));
    }

    @Test
    void servletsAnnotatedPermitAllArePublicAtTheirMappings() {
        assertTrue(PublicRoutes.isPublic(SERVLETS, "/open"));
        assertTrue(PublicRoutes.isPublic(SERVLETS, "/open-tree/file.css"));
        assertFalse(PublicRoutes.isPublic(SERVLETS, "/open-other"));
        assertFalse(PublicRoutes.isPublic(SERVLETS, "/closed"));
        assertFalse(PublicRoutes.isPublic(SERVLETS, "/closed-tree/file.css"));
    }

    @Test
    void theServersMicroProfileEndpointsArePublic() {
        assertTrue(PublicRoutes.isPublic(SERVLETS, "/health/ready"));
        assertFalse(PublicRoutes.isPublic(SERVLETS, "/healthy"));
    }

    private static ServletRegistration registration(Class<?> servlet, List<String> mappings) {
        return registration(servlet.getSimpleName(), servlet, mappings);
    }

    private static ServletRegistration registration(String name, Class<?> servlet, List<String> mappings) {
        return (ServletRegistration) Proxy.newProxyInstance(
                PublicRoutesTest.class.getClassLoader(),
                new Class<?>[] {ServletRegistration.class},
                (p, m, a) -> switch (m.getName()) {
                    case "getName" -> name;
                    case "getClassName" -> servlet.getName();
                    case "getMappings" -> mappings;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    private static ServletContext servletContext(Map<String, ServletRegistration> registrations) {
        return (ServletContext) Proxy.newProxyInstance(
                PublicRoutesTest.class.getClassLoader(),
                new Class<?>[] {ServletContext.class},
                (p, m, a) -> switch (m.getName()) {
                    case "getServletRegistrations" -> registrations;
                    case "getClassLoader" -> PublicRoutesTest.class.getClassLoader();
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }
}
