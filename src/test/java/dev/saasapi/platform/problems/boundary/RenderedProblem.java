package dev.saasapi.platform.problems.boundary;

import dev.saasapi.platform.http.boundary.JsonbResolver;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.util.List;

/**
 * What a client receives when a resource method throws, rendered by the mapper JAX-RS would pick: the
 * status, the headers the error model sets and the JSON body, as one string to compare whole.
 */
public final class RenderedProblem {

    private static final List<String> HEADERS =
            List.of(HttpHeaders.WWW_AUTHENTICATE, HttpHeaders.RETRY_AFTER, HttpHeaders.ALLOW);

    private RenderedProblem() {}

    /** @param path the request's path, without the leading slash, as {@link UriInfo#getPath()} gives it */
    public static String of(Throwable e, String path) {
        UriInfo uri = (UriInfo) Proxy.newProxyInstance(
                UriInfo.class.getClassLoader(), new Class<?>[] {UriInfo.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getPath") && method.getParameterCount() == 0) {
                        return path;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        Response response;
        if (e instanceof WebApplicationException application) {
            WebApplicationExceptionMapper mapper = new WebApplicationExceptionMapper();
            mapper.uri = uri;
            response = mapper.toResponse(application);
        } else if (e instanceof ProcessingException processing) {
            UnreadableBodyMapper mapper = new UnreadableBodyMapper();
            mapper.uri = uri;
            response = mapper.toResponse(processing);
        } else {
            UnexpectedErrorMapper mapper = new UnexpectedErrorMapper();
            mapper.uri = uri;
            response = mapper.toResponse(e);
        }
        StringBuilder rendered = new StringBuilder().append(response.getStatus());
        for (String header : HEADERS) {
            String value = response.getHeaderString(header);
            if (value != null) {
                rendered.append('\n').append(header).append(": ").append(value);
            }
        }
        rendered.append('\n').append(response.getMediaType());
        return rendered.append('\n')
                .append(JsonbResolver.JSONB.toJson(response.getEntity()))
                .toString();
    }
}
