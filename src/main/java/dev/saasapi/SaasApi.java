package dev.saasapi;

import dev.saasapi.identity.entity.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The JAX-RS application at the server root. It must be a CDI bean: MicroProfile JWT's
 * {@code JsonWebToken} is only injectable when {@code @LoginConfig} sits on a bean.
 */
@ApplicationPath("/")
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles(Roles.USER)
public class SaasApi extends Application {

    @Override
    public Map<String, Object> getProperties() {
        // OPTIONS would otherwise answer with a WADL document describing the server's internals.
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
