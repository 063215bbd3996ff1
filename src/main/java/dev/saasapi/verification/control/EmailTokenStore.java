package dev.saasapi.verification.control;

import dev.saasapi.platform.secrets.control.SecretTokens;
import dev.saasapi.verification.entity.EmailToken;
import dev.saasapi.verification.entity.RedeemedToken;
import dev.saasapi.verification.entity.TokenPurpose;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The tokens of mailed links in PostgreSQL. Runs inside the caller's transaction. */
@ApplicationScoped
public class EmailTokenStore {

    @PersistenceContext
    EntityManager em;

    /**
     * A new token for the account, which replaces its older ones of the same purpose.
     *
     * @return the token itself, for the link; only its hash is stored
     */
    public String issue(UUID userId, TokenPurpose purpose, String email, Instant now, Duration ttl) {
        removeOf(userId, purpose);
        String token = SecretTokens.generate();
        em.persist(new EmailToken(SecretTokens.hash(token), userId, purpose, email, now, now.plus(ttl)));
        em.flush();
        return token;
    }

    /**
     * Uses the token, if it is of this purpose, unused and unexpired: one atomic update, so of two
     * requests with the same token exactly one gets it (the other waits for the row, then finds it
     * used). Lock the token's account first ({@link #holder}).
     */
    public Optional<RedeemedToken> redeem(String token, TokenPurpose purpose, Instant now) {
        if (!SecretTokens.wellFormed(token)) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "UPDATE email_tokens SET used_at = ?1 WHERE token_hash = ?2 AND kind = ?3"
                                + " AND used_at IS NULL AND expires_at > ?1 RETURNING user_id, email")
                .setParameter(1, Timestamp.from(now))
                .setParameter(2, SecretTokens.hash(token))
                .setParameter(3, purpose.name())
                .getResultList();
        return rows.stream().findFirst().map(row -> new RedeemedToken(uuid(row[0]), (String) row[1]));
    }

    /**
     * The account of a token that could be redeemed now, read without a lock: to lock the account
     * before the token (the order of every writer), and to check cheaply before slow work.
     */
    public Optional<UUID> holder(String token, TokenPurpose purpose, Instant now) {
        if (!SecretTokens.wellFormed(token)) {
            return Optional.empty();
        }
        return em
                .createNativeQuery("SELECT user_id FROM email_tokens WHERE token_hash = ?1 AND kind = ?2"
                        + " AND used_at IS NULL AND expires_at > ?3")
                .setParameter(1, SecretTokens.hash(token))
                .setParameter(2, purpose.name())
                .setParameter(3, Timestamp.from(now))
                .getResultList()
                .stream()
                .findFirst()
                .map(EmailTokenStore::uuid);
    }

    /** Whether the account was given a token of this purpose after {@code since}. */
    public boolean issuedSince(UUID userId, TokenPurpose purpose, Instant since) {
        return !em.createNativeQuery("SELECT 1 FROM email_tokens WHERE user_id = ?1 AND kind = ?2 AND created_at > ?3")
                .setParameter(1, userId)
                .setParameter(2, purpose.name())
                .setParameter(3, Timestamp.from(since))
                .getResultList()
                .isEmpty();
    }

    /** Every token of this purpose the account has, used or not. */
    public int removeOf(UUID userId, TokenPurpose purpose) {
        return em.createNativeQuery("DELETE FROM email_tokens WHERE user_id = ?1 AND kind = ?2")
                .setParameter(1, userId)
                .setParameter(2, purpose.name())
                .executeUpdate();
    }

    private static UUID uuid(Object value) {
        return value instanceof UUID id ? id : UUID.fromString(value.toString());
    }
}
