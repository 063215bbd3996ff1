package dev.saasapi.docs.boundary;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/** {@code /openapi.json}: MicroProfile OpenAPI's {@code /openapi} document, always as JSON. */
@WebServlet("/openapi.json")
public class OpenApiJsonServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String JSON = "application/json";

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        HttpServletRequest asJson = new HttpServletRequestWrapper(req) {
            @Override
            public String getHeader(String name) {
                return "Accept".equalsIgnoreCase(name) ? JSON : super.getHeader(name);
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                return "Accept".equalsIgnoreCase(name)
                        ? Collections.enumeration(List.of(JSON))
                        : super.getHeaders(name);
            }

            @Override
            public Enumeration<String> getHeaderNames() {
                List<String> names = Collections.list(super.getHeaderNames());
                if (names.stream().noneMatch("Accept"::equalsIgnoreCase)) {
                    names.add("Accept");
                }
                return Collections.enumeration(names);
            }
        };
        req.getRequestDispatcher("/openapi").forward(asJson, resp);
    }
}
