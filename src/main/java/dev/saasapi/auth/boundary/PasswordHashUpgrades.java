package dev.saasapi.auth.boundary;

import dev.saasapi.users.control.UserStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * Replaces a hash made under an older policy after a successful login, in a transaction of its own:
 * the login itself holds no database connection while it hashes.
 */
@ApplicationScoped
public class PasswordHashUpgrades {

    @Inject
    UserStore users;

    @Transactional
    public void replaceHash(UUID userId, String verifiedHash, String newHash) {
        users.replacePasswordHash(userId, verifiedHash, newHash);
    }
}
