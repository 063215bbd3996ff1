package dev.saasapi.platform.docs.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;

/**
 * {@code /openapi.json}: MicroProfile OpenAPI's {@code /openapi} document as JSON, without the
 * non-standard top-level {@code endpoints} member Payara adds (it lists server internals and makes
 * strict OpenAPI validators reject the document).
 */
@PermitAll // no caller needed: the documentation is public, a stale token is not looked at
@WebServlet("/openapi.json")
public class OpenApiJsonServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String JSON = "application/json";
    private static final Set<String> NON_STANDARD = Set.of("endpoints");

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        BufferedResponse buffered = new BufferedResponse(resp);
        req.getRequestDispatcher("/openapi").forward(new JsonRequest(req), buffered);
        if (buffered.getStatus() != HttpServletResponse.SC_OK) {
            resp.getOutputStream().write(buffered.body());
            return;
        }
        JsonObject document;
        try (var reader = Json.createReader(new ByteArrayInputStream(buffered.body()))) {
            document = reader.readObject();
        }
        JsonObjectBuilder standard = Json.createObjectBuilder();
        document.forEach((name, value) -> {
            if (!NON_STANDARD.contains(name)) {
                standard.add(name, value);
            }
        });
        byte[] body = standard.build().toString().getBytes(StandardCharsets.UTF_8);
        resp.setContentType(JSON);
        resp.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }

    /**
     * Asks the OpenAPI endpoint for the JSON document whatever the client's method (HEAD is answered
     * from the whole document, by the container) and Accept header say.
     */
    private static final class JsonRequest extends HttpServletRequestWrapper {
        JsonRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getHeader(String name) {
            return "Accept".equalsIgnoreCase(name) ? JSON : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return "Accept".equalsIgnoreCase(name) ? Collections.enumeration(List.of(JSON)) : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = Collections.list(super.getHeaderNames());
            if (names.stream().noneMatch("Accept"::equalsIgnoreCase)) {
                names.add("Accept");
            }
            return Collections.enumeration(names);
        }
    }

    /** Keeps the forwarded response's body so it can be rewritten. */
    private static final class BufferedResponse extends HttpServletResponseWrapper {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final ServletOutputStream stream = new ServletOutputStream() {
            @Override
            public void write(int b) {
                bytes.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                bytes.write(b, off, len);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException("blocking only");
            }
        };
        private PrintWriter writer;

        BufferedResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() {
            return stream;
        }

        @Override
        public PrintWriter getWriter() {
            if (writer == null) {
                writer = new PrintWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8));
            }
            return writer;
        }

        @Override
        public void setContentLength(int len) {
            // the rewritten body has another length
        }

        @Override
        public void setContentLengthLong(long len) {
            // the rewritten body has another length
        }

        @Override
        public void flushBuffer() {
            if (writer != null) {
                writer.flush();
            }
        }

        byte[] body() {
            flushBuffer();
            return bytes.toByteArray();
        }
    }
}
