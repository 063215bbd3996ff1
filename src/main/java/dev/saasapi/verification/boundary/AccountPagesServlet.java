package dev.saasapi.verification.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * The pages behind the links in account mails, {@code /account/verify-email}, {@code
 * /account/reset-password} and the organizations' {@code /account/accept-invitation}, with their
 * script and style: static files from the WAR, no external
 * assets, under a Content-Security-Policy that lets them load only themselves and talk only to this
 * server. A product with its own frontend serves these paths there instead ({@code PUBLIC_URL}).
 */
@PermitAll // opened from a mail, by someone who is not logged in
@WebServlet(urlPatterns = "/account/*")
public class AccountPagesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self';"
            + " img-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

    /** Path under /account → file under WEB-INF/account (never served directly) and its type. */
    private static final Map<String, String[]> FILES = Map.of(
            "/verify-email", new String[] {"verify-email.html", "text/html;charset=UTF-8"},
            "/reset-password", new String[] {"reset-password.html", "text/html;charset=UTF-8"},
            "/accept-invitation", new String[] {"accept-invitation.html", "text/html;charset=UTF-8"},
            "/account.js", new String[] {"account.js", "text/javascript;charset=UTF-8"},
            "/account.css", new String[] {"account.css", "text/css;charset=UTF-8"});

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] file = FILES.get(String.valueOf(request.getPathInfo()));
        if (file == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try (InputStream content = getServletContext().getResourceAsStream("/WEB-INF/account/" + file[0])) {
            if (content == null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            response.setContentType(file[1]);
            response.setHeader("Content-Security-Policy", POLICY);
            response.setHeader("Cache-Control", "no-cache");
            content.transferTo(response.getOutputStream());
        }
    }
}
