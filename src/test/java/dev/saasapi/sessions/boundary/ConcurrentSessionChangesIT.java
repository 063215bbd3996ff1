package dev.saasapi.sessions.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.saasapi.accounts.control.UserStore;
import dev.saasapi.accounts.entity.User;
import dev.saasapi.it.InContainerIT;
import dev.saasapi.platform.secrets.control.SecretTokens;
import dev.saasapi.sessions.control.InvalidRefreshTokenException;
import dev.saasapi.sessions.control.SessionStore;
import dev.saasapi.sessions.entity.Session;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.naming.InitialContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Requests that change one user's sessions at the same moment, each in its own transaction on its own
 * server thread: the row locks decide, in one order (the user, then the session), so that exactly one
 * of two uses of a refresh token wins and no two writers deadlock.
 */
class ConcurrentSessionChangesIT extends InContainerIT {

    private static final int ROUNDS = 20;

    @Inject
    SessionLifecycle lifecycle;

    @Inject
    UserStore users;

    @Inject
    SessionStore sessions;

    private ManagedExecutorService executor;
    private User user;

    @BeforeEach
    void user() throws Exception {
        executor = InitialContext.doLookup("java:comp/DefaultManagedExecutorService");
        user = committed(() -> users.add(new User("race-" + UUID.randomUUID() + "@example.com", "x")));
    }

    @Test
    void ofTwoRefreshesWithOneTokenExactlyOneWins() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String token = sessionWithToken();
            Map<String, Integer> outcomes = race(() -> lifecycle.refresh(token), () -> lifecycle.refresh(token));
            assertEquals(Map.of("InvalidRefreshTokenException", 1, "TokenResponse", 1), outcomes, "round " + round);
        }
    }

    @Test
    void aRefreshRacingLogoutEverywhereNeverDeadlocks() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String token = sessionWithToken();
            Map<String, Integer> outcomes = race(() -> lifecycle.refresh(token), () -> {
                lifecycle.endAll(user.id());
                return "ended";
            });
            outcomes.remove("TokenResponse"); // the refresh came first
            outcomes.remove("InvalidRefreshTokenException"); // logout came first
            assertEquals(Map.of("String", 1), outcomes, "round " + round);
        }
    }

    private String sessionWithToken() throws Exception {
        String token = SecretTokens.generate();
        committed(() -> {
            Session session = new Session(user.id(), Instant.now(), Duration.ofDays(1), "test", "127.0.0.1");
            sessions.add(session);
            sessions.addRefreshToken(token, session, Instant.now());
            return null;
        });
        return token;
    }

    /** Runs both at once; what each returned or threw, by type, counted. */
    private Map<String, Integer> race(Callable<?> one, Callable<?> other) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<?>> futures = new ArrayList<>();
        for (Callable<?> work : List.of(one, other)) {
            futures.add(executor.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                return work.call();
            }));
        }
        Map<String, Integer> outcomes = new TreeMap<>();
        for (Future<?> future : futures) {
            String outcome;
            try {
                outcome = future.get(30, TimeUnit.SECONDS).getClass().getSimpleName();
            } catch (ExecutionException e) {
                outcome = e.getCause() instanceof InvalidRefreshTokenException
                        ? "InvalidRefreshTokenException"
                        : e.getCause().toString();
            }
            outcomes.merge(outcome, 1, Integer::sum);
        }
        return outcomes;
    }
}
