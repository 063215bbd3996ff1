package dev.saasapi.platform.http.control;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * The API's path templates ({@code /users/me}), collected from the JAX-RS resources as CDI
 * discovers them, so a request is labelled by its route in metrics and logs even when it was
 * refused before JAX-RS matched it (a bad token). Anything else is {@link #UNMATCHED}: a client
 * cannot create new labels by inventing paths.
 */
public class RouteTemplates implements Extension {

    public static final String UNMATCHED = "unmatched";

    private static final Map<String, String> EXACT = new ConcurrentHashMap<>();
    private static final List<Template> PARAMETERISED = new CopyOnWriteArrayList<>();

    private record Template(String template, Pattern pattern) {}

    /** A redeployment in the same server starts from the routes of the new deployment only. */
    void forget(@Observes BeforeBeanDiscovery event) {
        EXACT.clear();
        PARAMETERISED.clear();
    }

    <T> void collect(@Observes @WithAnnotations(Path.class) ProcessAnnotatedType<T> type) {
        Path root = type.getAnnotatedType().getJavaClass().getAnnotation(Path.class);
        if (root == null) {
            return;
        }
        for (AnnotatedMethod<? super T> method : type.getAnnotatedType().getMethods()) {
            Path sub = method.getAnnotation(Path.class);
            boolean serves = Arrays.stream(method.getJavaMember().getAnnotations())
                    .anyMatch(a -> a.annotationType().isAnnotationPresent(HttpMethod.class));
            if (serves) {
                add(join(root.value(), sub == null ? "" : sub.value()));
            }
        }
    }

    /** Known at start-up; the same template twice is kept once. */
    public static void add(String template) {
        if (!template.contains("{")) {
            EXACT.put(template, template);
        } else if (PARAMETERISED.stream().noneMatch(t -> t.template().equals(template))) {
            // {id} or {id: regex}: one path segment, whatever the regex says (labels only)
            PARAMETERISED.add(new Template(
                    template, Pattern.compile(Pattern.quote(template).replaceAll("\\{[^}]*}", "\\\\E[^/]+\\\\Q"))));
        }
    }

    /** The route {@code path} (without the context path) belongs to, or {@link #UNMATCHED}. */
    public static String of(String path) {
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        String exact = EXACT.get(trimmed);
        if (exact != null) {
            return exact;
        }
        for (Template t : PARAMETERISED) {
            if (t.pattern().matcher(trimmed).matches()) {
                return t.template();
            }
        }
        return UNMATCHED;
    }

    public static String join(String... parts) {
        List<String> segments = new ArrayList<>();
        for (String part : parts) {
            for (String segment : part.split("/")) {
                if (!segment.isEmpty()) {
                    segments.add(segment);
                }
            }
        }
        return "/" + String.join("/", segments);
    }
}
