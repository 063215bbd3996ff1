package dev.saasapi.platform.docs.boundary;

import dev.saasapi.SaasApi;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Every "METHOD /path" the JAX-RS resources in the main classes declare, found by reflection. */
final class ResourceMethods {

    private ResourceMethods() {}

    static Set<String> all() throws IOException, URISyntaxException, ClassNotFoundException {
        java.nio.file.Path classes = Paths.get(SaasApi.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        Set<String> operations = new TreeSet<>();
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            for (java.nio.file.Path file :
                    files.filter(f -> f.toString().endsWith("Resource.class")).toList()) {
                String name =
                        classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name);
                Path root = type.getAnnotation(Path.class);
                if (root == null) {
                    continue;
                }
                for (Method method : type.getDeclaredMethods()) {
                    for (Annotation annotation : method.getAnnotations()) {
                        HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
                        if (http != null) {
                            Path sub = method.getAnnotation(Path.class);
                            operations.add(http.value() + " " + join(root.value(), sub == null ? "" : sub.value()));
                        }
                    }
                }
            }
        }
        return operations;
    }

    private static String join(String root, String sub) {
        String path = "/" + root.replaceAll("^/|/$", "") + (sub.isEmpty() ? "" : "/" + sub.replaceAll("^/|/$", ""));
        return path.replaceAll("/+", "/");
    }
}
