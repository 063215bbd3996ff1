package dev.saasapi.platform.docs.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Serves Swagger UI at {@code /docs} from the WAR (the swagger-ui webjar; no CDN, works offline).
 * JAX-RS owns {@code /*}; these exact and prefix mappings win over it and hand the files to the
 * container's default servlet, which does caching headers and ETags.
 */
@PermitAll // no caller needed: the documentation is public, a stale token is not looked at
@WebServlet(urlPatterns = {"/docs", "/docs/*", "/webjars/*"})
public class SwaggerUiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String path = req.getPathInfo();
        if ("/docs".equals(req.getServletPath()) && (path == null || "/".equals(path))) {
            req.getRequestDispatcher("/docs/index.html").forward(req, resp);
            return;
        }
        getServletContext().getNamedDispatcher("default").forward(req, resp);
    }
}
