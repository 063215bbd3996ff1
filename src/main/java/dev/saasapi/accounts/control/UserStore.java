package dev.saasapi.accounts.control;

import static dev.saasapi.platform.persistence.control.SqlErrors.UNIQUE_VIOLATION;

import dev.saasapi.accounts.entity.User;
import dev.saasapi.accounts.entity.UserView;
import dev.saasapi.platform.lists.control.ContainsPattern;
import dev.saasapi.platform.persistence.control.AfterCommit;
import dev.saasapi.platform.persistence.control.SqlErrors;
import dev.saasapi.platform.problems.control.ConcurrentUpdateException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.persistence.config.HintValues;
import org.eclipse.persistence.config.QueryHints;
import org.eclipse.persistence.jpa.JpaCache;

/** Accounts in PostgreSQL. Runs inside the caller's transaction. */
@ApplicationScoped
public class UserStore {

    @PersistenceContext
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transactions;

    public Optional<User> findById(UUID id) {
        return Optional.ofNullable(em.find(User.class, id));
    }

    /**
     * The account as the API shows it, if it is active and accepts a token issued at {@code
     * issuedAtSecond}: read from the shared cache's own instance, without the copy {@link #findById}
     * makes for a persistence context (a tenth of a {@code GET /users/me}), and the instance never
     * leaves this class. It is read without the cache's lock: while a committed change to the account is
     * being merged into the cache, the view may combine fields from before and after it (a new email
     * with its old verification flag) for that one answer. No such mix accepts a token that both
     * versions refuse ({@link User#acceptsToken}); writes never start from this read.
     */
    public Optional<UserView> viewIfAcceptsToken(UUID id, long issuedAtSecond) {
        return readById(id, user -> user.acceptsToken(issuedAtSecond) ? UserView.of(user) : null);
    }

    /** What {@code reading} makes of the shared cache's own instance; it must only read it, never keep it. */
    <T> Optional<T> readById(UUID id, Function<User, T> reading) {
        return Optional.ofNullable(em.find(User.class, id, Map.of(QueryHints.READ_ONLY, HintValues.TRUE)))
                .map(reading);
    }

    /**
     * The account, locked until the transaction ends. Writers that touch an account's sessions lock in
     * one order, the account first, then the session, then its refresh tokens, so that they wait for
     * each other instead of deadlocking, and each sees the other's revocation once it is committed.
     */
    public Optional<User> findForUpdate(UUID id) {
        return Optional.ofNullable(em.find(User.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** What the check for the last admin reads of an account, as it is in the database. */
    public record AdminCandidate(UUID id, String email, boolean active, boolean emailVerified) {}

    /**
     * The accounts with these emails (lower-case), locked in the order of their ids, so that two
     * transactions locking overlapping sets wait for each other instead of deadlocking. {@code FOR NO
     * KEY UPDATE}: changes to these rows wait, rows that merely reference them (a new session, an
     * invitation) do not.
     */
    public List<AdminCandidate> lockWithEmails(Set<String> emails) {
        if (emails.isEmpty()) {
            return List.of();
        }
        List<String> listed = List.copyOf(emails);
        StringBuilder sql =
                new StringBuilder("SELECT id, email, is_active, email_verified FROM users WHERE lower(email) IN (");
        for (int i = 1; i <= listed.size(); i++) {
            sql.append(i == 1 ? "" : ", ").append('?').append(i);
        }
        Query query = em.createNativeQuery(
                sql.append(") ORDER BY id FOR NO KEY UPDATE").toString());
        for (int i = 0; i < listed.size(); i++) {
            query.setParameter(i + 1, listed.get(i));
        }
        List<AdminCandidate> accounts = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] columns = (Object[]) row;
            accounts.add(new AdminCandidate(
                    columns[0] instanceof UUID id ? id : UUID.fromString(columns[0].toString()),
                    (String) columns[1],
                    Boolean.TRUE.equals(columns[2]),
                    Boolean.TRUE.equals(columns[3])));
        }
        return accounts;
    }

    /**
     * The account, locked, if it is still active and its password is still the one the caller verified:
     * the one check before every write that a password authorised.
     *
     * @throws UnknownAccountException if the account is gone or disabled
     * @throws ConcurrentUpdateException if the password changed since it was verified
     */
    public User lockUnchanged(UUID id, String verifiedHash) {
        User user = findForUpdate(id).filter(User::active).orElseThrow(UnknownAccountException::new);
        if (!user.hasPasswordHash(verifiedHash)) {
            throw changedMeanwhile();
        }
        return user;
    }

    /** Case-insensitive, like the unique index. */
    public Optional<User> findByEmail(String email) {
        return em.createNamedQuery(User.BY_EMAIL, User.class)
                .setParameter("email", email)
                .getResultStream()
                .findFirst();
    }

    /**
     * Adds the account and flushes, so that the unique index decides races between two requests
     * for one email: the loser gets {@link EmailTakenException}, not an error at commit.
     */
    public User add(User user) {
        em.persist(user);
        flush();
        return user;
    }

    public void remove(User user) {
        em.remove(user);
    }

    /**
     * Writes pending changes now: a clash on the unique email index becomes {@link EmailTakenException},
     * a change by a concurrent request (the row's version moved) {@link #changedMeanwhile()}.
     */
    public void flush() {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw changedMeanwhile();
        } catch (PersistenceException e) {
            if (SqlErrors.sqlCause(e)
                    .filter(sql -> UNIQUE_VIOLATION.equals(sql.getSQLState()))
                    .isPresent()) {
                throw new EmailTakenException();
            }
            throw e;
        }
    }

    /**
     * Another request changed the account between this request's read and its write (its version, or
     * its password hash, moved): the client reads it again and retries.
     */
    public static ConcurrentUpdateException changedMeanwhile() {
        return new ConcurrentUpdateException(
                "The account was changed by another request at the same time; read it again and retry.");
    }

    /**
     * Swaps the password hash only if it is still the one the caller verified: a password changed in
     * the meantime is never overwritten with the old one.
     */
    public boolean replacePasswordHash(UUID id, String expected, String replacement) {
        boolean replaced = em.createNamedQuery(User.REPLACE_PASSWORD_HASH)
                        .setParameter("id", id)
                        .setParameter("expected", expected)
                        .setParameter("replacement", replacement)
                        .executeUpdate()
                == 1;
        if (replaced) {
            // A bulk update drops only this instance's copy: the others are told once it is committed
            // (told before, one could read the old row again and keep it until it expires).
            JpaCache cache = em.getEntityManagerFactory().getCache().unwrap(JpaCache.class);
            AfterCommit.run(transactions, () -> cache.evict(User.class, id, true));
        }
        return replaced;
    }

    /** The orders a list of accounts may be sorted in: {@code ?sort=} value → JPQL. */
    public static final Map<String, String> SORTS = Map.of(
            "created_at", "u.createdAt ASC, u.id",
            "-created_at", "u.createdAt DESC, u.id",
            "email", "LOWER(u.email) ASC, u.id",
            "-email", "LOWER(u.email) DESC, u.id");

    /**
     * Accounts whose email contains {@code query} (case-insensitive; null for all), in {@code order},
     * one of the {@link #SORTS}' clauses.
     */
    public List<User> search(String query, String order, int offset, int limit) {
        return em.createQuery(
                        "SELECT u FROM User u WHERE LOWER(u.email) LIKE :pattern ESCAPE '!' ORDER BY " + order,
                        User.class)
                .setParameter("pattern", ContainsPattern.of(query))
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    public long count(String query) {
        return em.createQuery("SELECT count(u) FROM User u WHERE LOWER(u.email) LIKE :pattern ESCAPE '!'", Long.class)
                .setParameter("pattern", ContainsPattern.of(query))
                .getSingleResult();
    }
}
