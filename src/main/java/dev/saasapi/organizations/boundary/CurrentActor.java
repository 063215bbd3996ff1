package dev.saasapi.organizations.boundary;

import dev.saasapi.accounts.boundary.CallerAccount;
import dev.saasapi.identity.control.ApiKeyCaller;
import dev.saasapi.organizations.entity.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Who acts in an organization in this request: the API key it presents, or the token's account. */
@ApplicationScoped
public class CurrentActor {

    @Inject
    CallerAccount account;

    @Inject
    ApiKeyCaller apiKey;

    /**
     * @throws dev.saasapi.identity.control.InvalidCredentialException if the key or token no longer
     *     works (looked up here, once per request)
     */
    public Actor get() {
        return apiKey.present()
                ? Actor.apiKey(apiKey.grant())
                : Actor.user(account.user().id());
    }
}
