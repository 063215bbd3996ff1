package dev.saasapi.apikeys.control;

import dev.saasapi.apikeys.entity.ApiKey;
import dev.saasapi.platform.lists.control.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** API keys in PostgreSQL. Runs inside the caller's transaction. */
@ApplicationScoped
public class ApiKeyStore {

    /** How often {@code last_used_at} is written at most, per key. */
    public static final String TOUCH_INTERVAL = "1 minute";

    /**
     * The key with this hash, if it is unexpired and its creator is an active member of its
     * organization: one query over three primary-key or unique indexes. Columns: id, organization,
     * the key's role, the creator's role, whether {@code last_used_at} is due to be written.
     */
    private static final String GRANT = "SELECT k.id, k.organization_id, k.role, m.role, k.created_by,"
            + " (k.last_used_at IS NULL OR k.last_used_at < now() - interval '" + TOUCH_INTERVAL + "')"
            + " FROM api_keys k"
            + " JOIN memberships m ON m.organization_id = k.organization_id AND m.user_id = k.created_by"
            + " JOIN users u ON u.id = k.created_by"
            + " WHERE k.key_hash = ?1 AND u.is_active AND (k.expires_at IS NULL OR k.expires_at > now())";

    /** Written by one of many requests at once: the condition is checked again under the row's lock. */
    private static final String TOUCH = "UPDATE api_keys SET last_used_at = now() WHERE id = ?1"
            + " AND (last_used_at IS NULL OR last_used_at < now() - interval '" + TOUCH_INTERVAL + "')";

    /** What {@link #grant} finds. */
    public record Grant(
            UUID keyId, UUID organizationId, String keyRole, String creatorRole, UUID createdBy, boolean touchDue) {}

    @PersistenceContext
    EntityManager em;

    public Optional<Grant> grant(String keyHash) {
        List<?> rows = em.createNativeQuery(GRANT).setParameter(1, keyHash).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(new Grant(
                uuid(row[0]),
                uuid(row[1]),
                (String) row[2],
                (String) row[3],
                uuid(row[4]),
                Boolean.TRUE.equals(row[5])));
    }

    /** @return whether this call wrote it (false when another request did within the interval) */
    public boolean touch(UUID keyId) {
        return em.createNativeQuery(TOUCH).setParameter(1, keyId).executeUpdate() == 1;
    }

    /** @return whether this is the first time the key is used from this address */
    public boolean recordAddress(UUID keyId, String ip) {
        return em.createNativeQuery("INSERT INTO api_key_addresses (key_id, ip, first_seen_at)"
                                + " VALUES (?1, ?2, now()) ON CONFLICT DO NOTHING")
                        .setParameter(1, keyId)
                        .setParameter(2, ip)
                        .executeUpdate()
                == 1;
    }

    public void add(ApiKey key) {
        em.persist(key);
        em.flush();
    }

    /** Newest first. */
    public List<ApiKey> ofOrganization(UUID organizationId, PageRequest page) {
        return em.createNamedQuery(ApiKey.OF_ORGANIZATION, ApiKey.class)
                .setParameter("organization", organizationId)
                .setFirstResult(page.offset())
                .setMaxResults(page.perPage())
                .getResultList();
    }

    public long countOfOrganization(UUID organizationId) {
        return em.createNamedQuery(ApiKey.COUNT_OF_ORGANIZATION, Long.class)
                .setParameter("organization", organizationId)
                .getSingleResult();
    }

    /** The organization's key with this id. */
    public Optional<ApiKey> find(UUID organizationId, UUID id) {
        return Optional.ofNullable(em.find(ApiKey.class, id))
                .filter(key -> key.organizationId().equals(organizationId));
    }

    public void remove(ApiKey key) {
        em.remove(key);
        em.flush();
    }

    /** Every key the account made in the organization; the keys removed. */
    public List<ApiKey> removeCreatedBy(UUID organizationId, UUID userId) {
        List<ApiKey> keys = em.createNamedQuery(ApiKey.CREATED_BY, ApiKey.class)
                .setParameter("organization", organizationId)
                .setParameter("user", userId)
                .getResultList();
        keys.forEach(em::remove);
        em.flush();
        return keys;
    }

    private static UUID uuid(Object value) {
        return value instanceof UUID id ? id : UUID.fromString(value.toString());
    }
}
