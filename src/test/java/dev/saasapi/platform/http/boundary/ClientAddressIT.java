package dev.saasapi.platform.http.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.saasapi.it.Api;
import dev.saasapi.it.CustomSettingsServer;
import dev.saasapi.it.TestDatabase;
import java.net.URL;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The address a request is recorded and limited by: X-Forwarded-For counts only when the peer is a
 * trusted proxy, and then only as far as the rightmost address that is not one. (Without trusted
 * proxies the header changes nothing: SessionsIT.)
 */
@ResourceLock(CustomSettingsServer.NAME)
public class ClientAddressIT {

    private static final String PASSWORD = "client-Passw0rd";

    @Test
    void behindATrustedProxyTheClientIsTheRightmostUntrustedAddress() throws Exception {
        assertEquals(
                "198.51.100.9", sessionAddress(CustomSettingsServer.get().url(), "6.6.6.6, 198.51.100.9, 127.0.0.1"));
    }

    /** Logs in through a "proxy" that forwards {@code forwardedFor}; the address the session recorded. */
    public static String sessionAddress(URL server, String forwardedFor) throws Exception {
        Api api = new Api(server);
        String email = Api.uniqueEmail();
        assertEquals(201, api.register(email, PASSWORD).statusCode());
        int status = api.send(api.request("/auth/login")
                        .header("Content-Type", Api.FORM)
                        .header("X-Forwarded-For", forwardedFor)
                        .POST(HttpRequest.BodyPublishers.ofString(
                                Api.form(Map.of("username", email, "password", PASSWORD)))))
                .statusCode();
        assertEquals(200, status);
        return TestDatabase.queryString(
                        "SELECT s.ip_address FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = ?", email)
                .orElseThrow();
    }
}
