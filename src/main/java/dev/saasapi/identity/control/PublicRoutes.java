package dev.saasapi.identity.control;

import dev.saasapi.platform.http.control.RouteTemplates;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The paths that need no caller, as the code that serves them declares it: a JAX-RS route whose every
 * resource method is {@code @PermitAll} (on the method, or on its class without a {@code
 * @RolesAllowed} or {@code @DenyAll} of its own), the mappings of servlets annotated {@code
 * @PermitAll}, and the server's MicroProfile endpoints (health, metrics, OpenAPI: servlets Payara
 * names {@code microprofile-*}, which never ask for a caller). Everything else is protected, so a
 * new endpoint is safe by default. A bearer token sent to a public path is not looked at: a client
 * that sends its expired token along with a login is not refused the login that would renew it.
 */
public class PublicRoutes implements Extension {

    /** Route template → whether every resource method at it is public. */
    private static final Map<String, Boolean> ROUTES = new ConcurrentHashMap<>();

    /** How Payara names the servlets of its health, metrics and OpenAPI endpoints. */
    static final String SERVER_ENDPOINTS = "microprofile-";

    private static volatile ServletPaths servlets;

    private record ServletPaths(Set<String> exact, Set<String> prefixes) {}

    /** A redeployment in the same server starts from the routes of the new deployment only. */
    void forget(@Observes BeforeBeanDiscovery event) {
        ROUTES.clear();
        servlets = null;
    }

    <T> void collect(@Observes @WithAnnotations(Path.class) ProcessAnnotatedType<T> type) {
        collect(type.getAnnotatedType().getJavaClass());
    }

    static void collect(Class<?> resource) {
        Path root = resource.getAnnotation(Path.class);
        if (root == null) {
            return;
        }
        boolean classIsPublic = resource.isAnnotationPresent(PermitAll.class);
        for (Method method : resource.getMethods()) {
            boolean serves = Arrays.stream(method.getAnnotations())
                    .anyMatch(a -> a.annotationType().isAnnotationPresent(HttpMethod.class));
            if (serves) {
                Path sub = method.getAnnotation(Path.class);
                boolean isPublic = method.isAnnotationPresent(PermitAll.class)
                        || (classIsPublic
                                && !method.isAnnotationPresent(RolesAllowed.class)
                                && !method.isAnnotationPresent(DenyAll.class));
                String template = RouteTemplates.join(root.value(), sub == null ? "" : sub.value());
                RouteTemplates.add(template);
                ROUTES.merge(template, isPublic, Boolean::logicalAnd);
            }
        }
    }

    /** Whether {@code path} (without the context path) is served without a caller. */
    public static boolean isPublic(ServletContext context, String path) {
        if (Boolean.TRUE.equals(ROUTES.get(RouteTemplates.of(path)))) {
            return true;
        }
        ServletPaths paths = servlets;
        if (paths == null) {
            servlets = paths = publicServletPaths(context);
        }
        return paths.exact().contains(path) || paths.prefixes().stream().anyMatch(path::startsWith);
    }

    /** The mappings of the servlets that serve without a caller. */
    private static ServletPaths publicServletPaths(ServletContext context) {
        Set<String> exact = ConcurrentHashMap.newKeySet();
        Set<String> prefixes = ConcurrentHashMap.newKeySet();
        for (ServletRegistration servlet : context.getServletRegistrations().values()) {
            if (servlet.getName().startsWith(SERVER_ENDPOINTS)
                    || isPermitAll(servlet.getClassName(), context.getClassLoader())) {
                for (String mapping : servlet.getMappings()) {
                    if (mapping.endsWith("/*")) {
                        prefixes.add(mapping.substring(0, mapping.length() - 1));
                    } else {
                        exact.add(mapping);
                    }
                }
            }
        }
        return new ServletPaths(Set.copyOf(exact), Set.copyOf(prefixes));
    }

    private static boolean isPermitAll(String className, ClassLoader loader) {
        try {
            return className != null && Class.forName(className, false, loader).isAnnotationPresent(PermitAll.class);
        } catch (ClassNotFoundException | LinkageError e) {
            return false; // the server's own servlets are not ours to open
        }
    }
}
