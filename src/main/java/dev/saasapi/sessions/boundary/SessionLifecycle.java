package dev.saasapi.sessions.boundary;

import dev.saasapi.accounts.boundary.AccountChanges;
import dev.saasapi.accounts.boundary.Accounts;
import dev.saasapi.accounts.entity.User;
import dev.saasapi.accounts.entity.VerifiedPassword;
import dev.saasapi.identity.control.PlatformAdmins;
import dev.saasapi.identity.control.TokenIssuer;
import dev.saasapi.platform.audit.entity.SecurityEvent;
import dev.saasapi.platform.lists.control.Page;
import dev.saasapi.platform.lists.control.PageRequest;
import dev.saasapi.platform.secrets.control.SecretTokens;
import dev.saasapi.sessions.control.InvalidCredentialsException;
import dev.saasapi.sessions.control.InvalidRefreshTokenException;
import dev.saasapi.sessions.control.SessionLifetime;
import dev.saasapi.sessions.control.SessionStore;
import dev.saasapi.sessions.control.UnknownSessionException;
import dev.saasapi.sessions.entity.RefreshToken;
import dev.saasapi.sessions.entity.Session;
import dev.saasapi.sessions.entity.TokenResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.annotation.Metric;

/**
 * Sessions from login to logout, one transaction per step. A session is a chain of refresh tokens,
 * each used once; the access tokens it hands out name it in their {@code sid} claim.
 */
@ApplicationScoped
public class SessionLifecycle {

    private static final Logger LOG = Logger.getLogger(SessionLifecycle.class.getName());

    private final Clock clock = Clock.systemUTC();

    @Inject
    Event<SecurityEvent> audit;

    @Inject
    SessionStore sessions;

    @Inject
    Accounts accounts;

    @Inject
    AccountChanges accountChanges;

    @Inject
    TokenIssuer issuer;

    @Inject
    PlatformAdmins admins;

    @Inject
    SessionLifetime lifetime;

    @Inject
    @Metric(
            name = "auth_refresh_token_replays",
            absolute = true,
            description =
                    "Used refresh tokens presented again; each ended its session (a stolen token, or a client bug)")
    Counter replays;

    /**
     * A new session for a user who just proved the password, if it is still the password: a login that
     * was hashing while the password changed or the account went is refused like a wrong password.
     * A hash made under an older policy is replaced here too. Expired sessions of the user are cleared.
     *
     * @throws InvalidCredentialsException if the account or its password changed since it was read
     */
    @Transactional
    public TokenResponse start(VerifiedPassword login, String userAgent, String ipAddress) {
        User user = accounts.lockVerified(login).orElseThrow(InvalidCredentialsException::new);
        UUID userId = user.id();
        Instant now = user.notBeforeRevocation(clock.instant());
        sessions.removeExpiredOf(userId, now);
        Session session = newSession(userId, now, userAgent, ipAddress);
        audit.fire(SecurityEvent.success("login.succeeded")
                .account(userId)
                .detail("session_id", session.id())
                .by(SecurityEvent.Actor.user(userId)));
        return tokensFor(user, session, now);
    }

    /**
     * Swaps a refresh token for a new pair. A token that was already used is a replay, by a thief or by
     * the client it was stolen from: the whole session ends, and that is kept although the request fails.
     */
    @Transactional(dontRollbackOn = InvalidRefreshTokenException.class)
    public TokenResponse refresh(String token) {
        if (!SecretTokens.wellFormed(token)) {
            throw new InvalidRefreshTokenException();
        }
        UUID sessionId = sessions.findRefreshToken(token)
                .map(RefreshToken::sessionId)
                .orElseThrow(InvalidRefreshTokenException::new);
        // the user first, then the session: the order of every writer, and a revocation under way is waited for
        Optional<User> user = sessions.userIdOf(sessionId).flatMap(accounts::lock);
        Session session = sessions.findForUpdate(sessionId).orElseThrow(InvalidRefreshTokenException::new);
        Instant now = clock.instant();
        if (!sessions.rotate(token, now)) {
            replays.inc();
            LOG.warning(() -> "A used refresh token was presented again: ended session " + session.id() + " of user "
                    + session.userId());
            sessions.remove(session);
            audit.fire(SecurityEvent.failure("refresh_token.replayed")
                    .account(session.userId())
                    .detail("session_id", session.id())
                    .by(SecurityEvent.Actor.anonymous()));
            throw new InvalidRefreshTokenException();
        }
        if (user.isEmpty()
                || !user.get().active()
                || session.expired(now)
                || !user.get().acceptsSessionUsedAt(session.lastUsedAt())) {
            sessions.remove(session);
            throw new InvalidRefreshTokenException();
        }
        Instant used = user.get().notBeforeRevocation(now);
        session.used(used);
        return tokensFor(user.get(), session, used);
    }

    /** Every user's expired sessions, with their refresh tokens. */
    @Transactional
    public int removeExpired() {
        return sessions.removeExpired(clock.instant());
    }

    /** Most recently used first. */
    @Transactional
    public Page<Session> activeOf(UUID userId, PageRequest page) {
        Instant now = clock.instant();
        return new Page<>(sessions.activeOf(userId, now, page), sessions.countActiveOf(userId, now));
    }

    /** @throws UnknownSessionException unless the user has an active session with this id */
    @Transactional
    public void end(UUID userId, UUID sessionId) {
        Session session = sessions.find(sessionId)
                .filter(found -> found.userId().equals(userId) && !found.expired(clock.instant()))
                .orElseThrow(UnknownSessionException::new);
        sessions.remove(session);
        audit.fire(SecurityEvent.success("session.ended").account(userId).detail("session_id", sessionId));
    }

    /** Ends the session if it is still there: logging out twice is no error. */
    @Transactional
    public void endIfActive(UUID userId, UUID sessionId) {
        sessions.find(sessionId).filter(found -> found.userId().equals(userId)).ifPresent(session -> {
            sessions.remove(session);
            audit.fire(SecurityEvent.success("logout").account(userId).detail("session_id", sessionId));
        });
    }

    /** Ends every session of the user, and every access token issued so far stops working at once. */
    @Transactional
    public void endAll(UUID userId) {
        accounts.revokeTokens(userId);
        sessions.removeAllOf(userId);
        audit.fire(SecurityEvent.success("logout.everywhere").account(userId));
    }

    /**
     * Stores the new password hash if the password is still the one the caller proved, ends every
     * other session and revokes every access token, and gives the calling session a fresh pair of
     * tokens (a new session if it has none): the client that changed the password stays logged in.
     */
    @Transactional
    public TokenResponse changePassword(
            UUID userId,
            String verifiedHash,
            String newHash,
            Optional<UUID> currentSession,
            String userAgent,
            String ipAddress) {
        // Only read here: AccountChanges locks the account before any session is written, the order of every writer.
        Optional<Session> kept = currentSession
                .flatMap(sessions::find)
                .filter(session -> session.userId().equals(userId) && !session.expired(clock.instant()));
        Instant now = accountChanges
                .changePassword(userId, verifiedHash, newHash, kept.map(Session::id))
                .at();
        User user = accounts.lock(userId).orElseThrow(); // already locked: the row as changed
        Session session;
        if (kept.isPresent()) {
            session = kept.get();
            sessions.removeRefreshTokensOf(session);
            session.reauthenticated(now);
        } else {
            session = newSession(userId, now, userAgent, ipAddress);
        }
        return tokensFor(user, session, now);
    }

    /** A session from {@code now}, stored at once. */
    private Session newSession(UUID userId, Instant now, String userAgent, String ipAddress) {
        Session session = new Session(userId, now, lifetime.duration(), userAgent, ipAddress);
        sessions.add(session);
        return session;
    }

    private TokenResponse tokensFor(User user, Session session, Instant now) {
        String refreshToken = SecretTokens.generate();
        sessions.addRefreshToken(refreshToken, session, now);
        TokenIssuer.AccessToken access = issuer.issue(
                user.id(),
                session.id(),
                session.authenticatedAt().toInstant(),
                user.tokensIssuableFrom(),
                admins.isAdmin(user.email(), user.emailVerified()));
        return TokenResponse.bearer(access.value(), access.expiresInSeconds(), refreshToken);
    }
}
