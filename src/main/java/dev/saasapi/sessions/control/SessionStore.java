package dev.saasapi.sessions.control;

import dev.saasapi.platform.lists.control.PageRequest;
import dev.saasapi.platform.secrets.control.SecretTokens;
import dev.saasapi.sessions.entity.RefreshToken;
import dev.saasapi.sessions.entity.Session;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Sessions and their refresh tokens in PostgreSQL. Runs inside the caller's transaction. */
@ApplicationScoped
public class SessionStore {

    @PersistenceContext
    EntityManager em;

    /** Written at once: the session's refresh tokens refer to it, and JPA knows of no such order. */
    public void add(Session session) {
        em.persist(session);
        em.flush();
    }

    /** Stores the hash of a new refresh token for the session. */
    public void addRefreshToken(String token, Session session, Instant now) {
        em.persist(new RefreshToken(SecretTokens.hash(token), session.id(), now));
    }

    public Optional<Session> find(UUID id) {
        return Optional.ofNullable(em.find(Session.class, id));
    }

    /** The session, locked until the transaction ends (after its user: see {@code UserStore.findForUpdate}). */
    public Optional<Session> findForUpdate(UUID id) {
        return Optional.ofNullable(em.find(Session.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** Whose session it is, without loading (or locking) the session. */
    public Optional<UUID> userIdOf(UUID sessionId) {
        return em.createNamedQuery(Session.USER_OF, UUID.class)
                .setParameter("id", sessionId)
                .getResultStream()
                .findFirst();
    }

    public Optional<RefreshToken> findRefreshToken(String token) {
        return Optional.ofNullable(em.find(RefreshToken.class, SecretTokens.hash(token)));
    }

    /**
     * Marks the token used, if nobody has yet. Of two requests presenting it at once, the second waits
     * for the first one's locks and then finds it rotated: exactly one of them wins.
     */
    public boolean rotate(String token, Instant now) {
        return em.createNamedQuery(RefreshToken.ROTATE)
                        .setParameter("hash", SecretTokens.hash(token))
                        .setParameter("now", now.atOffset(ZoneOffset.UTC))
                        .executeUpdate()
                == 1;
    }

    /**
     * Forgets the session's refresh tokens: the one its client holds stops working, and is not taken
     * for a replay when presented again (the session starts a new chain after a fresh proof of password).
     */
    public void removeRefreshTokensOf(Session session) {
        em.createNamedQuery(RefreshToken.DELETE_OF_SESSION)
                .setParameter("sessionId", session.id())
                .executeUpdate();
    }

    public List<Session> activeOf(UUID userId, Instant now, PageRequest page) {
        return em.createNamedQuery(Session.ACTIVE_OF_USER, Session.class)
                .setParameter("userId", userId)
                .setParameter("now", now.atOffset(ZoneOffset.UTC))
                .setFirstResult(page.offset())
                .setMaxResults(page.perPage())
                .getResultList();
    }

    public long countActiveOf(UUID userId, Instant now) {
        return em.createNamedQuery(Session.COUNT_ACTIVE_OF_USER, Long.class)
                .setParameter("userId", userId)
                .setParameter("now", now.atOffset(ZoneOffset.UTC))
                .getSingleResult();
    }

    /** Ends the session; its refresh tokens go with it (the foreign key cascades). */
    public void remove(Session session) {
        em.remove(em.contains(session) ? session : em.merge(session));
    }

    public int removeAllOf(UUID userId) {
        return em.createNamedQuery(Session.DELETE_OF_USER)
                .setParameter("userId", userId)
                .executeUpdate();
    }

    public int removeOthersOf(UUID userId, UUID keep) {
        return em.createNamedQuery(Session.DELETE_OTHERS_OF_USER)
                .setParameter("userId", userId)
                .setParameter("keep", keep)
                .executeUpdate();
    }

    public int removeExpiredOf(UUID userId, Instant now) {
        return em.createNamedQuery(Session.DELETE_EXPIRED_OF_USER)
                .setParameter("userId", userId)
                .setParameter("now", now.atOffset(ZoneOffset.UTC))
                .executeUpdate();
    }

    public int removeExpired(Instant now) {
        return em.createNamedQuery(Session.DELETE_EXPIRED)
                .setParameter("now", now.atOffset(ZoneOffset.UTC))
                .executeUpdate();
    }
}
