package dev.saasapi.identity.boundary;

import dev.saasapi.identity.control.TokenSettings;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The public keys that verify access tokens (RFC 7517 JWK set), so another service can check tokens
 * without the private key. Private key parts never appear: only public JWKs are built.
 */
@Path(".well-known/jwks.json")
@ApplicationScoped
@PermitAll
public class JwksResource {

    static final String JWK_SET = "application/jwk-set+json";

    @Inject
    TokenSettings settings;

    @GET
    @Produces({MediaType.APPLICATION_JSON, JWK_SET})
    public Response keys() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300); // verifiers re-read within five minutes of a key rotation
        return Response.ok(settings.verificationKeys().toString(true))
                .cacheControl(cache)
                .build();
    }
}
