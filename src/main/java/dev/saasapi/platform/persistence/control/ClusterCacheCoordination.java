package dev.saasapi.platform.persistence.control;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.persistence.internal.sessions.coordination.RemoteConnection;
import org.eclipse.persistence.internal.sessions.coordination.broadcast.BroadcastRemoteConnection;
import org.eclipse.persistence.sessions.coordination.Command;
import org.eclipse.persistence.sessions.coordination.broadcast.BroadcastTransportManager;

/**
 * EclipseLink cache coordination over Payara's data grid that waits: a commit that changed a cached
 * entity returns only once every other instance of the cluster has dropped its copy (or 2 s have
 * passed), so the client's next request sees the change on whichever instance it reaches. Payara's own
 * transport publishes to a Hazelcast topic and returns at once; the other instances may then serve the
 * old copy for some milliseconds, long enough for a revoked token to be accepted once.
 *
 * <p>Each change is sent as a task to the other members' executors (Payara deserializes it with this
 * application's class loader there), which hands it to that instance's EclipseLink, and once more half
 * a second later: a read that fetched the old row just before the commit and cached it just after the
 * first drop is dropped too. Without a data grid ({@code --nohazelcast}) or alone in it, nothing is sent.
 */
public class ClusterCacheCoordination extends BroadcastTransportManager {

    private static final Logger LOG = Logger.getLogger(ClusterCacheCoordination.class.getName());
    private static final String GRID = "payara/Hazelcast";
    static final String EXECUTOR = "saas-api-cache-coordination";
    /** How long a commit waits for the other instances; one that does not answer catches up by expiry. */
    static final long WAIT_MILLIS = 2_000;

    static final long REPEAT_MILLIS = 500;
    /** At most one line a minute about each member that does not confirm. */
    private static final long LOG_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    /** This instance's receiving end, by channel: where tasks from other instances deliver. */
    private static final Map<String, Connection> RECEIVERS = new ConcurrentHashMap<>();

    private Connection connection;

    public ClusterCacheCoordination() {
        // a failed send must not make EclipseLink drop this transport's only connection for good
        setShouldRemoveConnectionOnError(false);
    }

    @Override
    public Map<String, RemoteConnection> getConnectionsToExternalServicesForCommandPropagation() {
        return connection == null ? Map.of() : Map.of(connection.getServiceId().getId(), connection);
    }

    @Override
    public void createLocalConnection() {
        // looked up once, as the application starts: Payara Micro starts its grid before any deployment
        HazelcastInstance grid = grid();
        connection = new Connection(this, grid);
        RECEIVERS.put(getRemoteCommandManager().getChannel(), connection);
        if (grid != null) {
            LOG.info(() -> "Entity caches coordinated across the data grid ("
                    + grid.getCluster().getMembers().size()
                    + " member(s) now): an account change is answered once every member has dropped its copy");
        }
    }

    @Override
    public void removeLocalConnection() {
        if (connection != null) {
            RECEIVERS.remove(getRemoteCommandManager().getChannel(), connection);
            connection.close();
            connection = null;
        }
    }

    /** Runs on another instance: applies a command sent from there, now and once more a little later. */
    static boolean deliver(String channel, Object command) {
        Connection receiver = RECEIVERS.get(channel);
        if (receiver == null) {
            return false; // not deployed (yet, or any more) on this instance
        }
        receiver.receive(command);
        CompletableFuture.runAsync(
                () -> receiver.receive(command),
                CompletableFuture.delayedExecutor(REPEAT_MILLIS, TimeUnit.MILLISECONDS));
        return true;
    }

    /** Payara's data grid, or null when there is none ({@code --nohazelcast}). */
    private static HazelcastInstance grid() {
        try {
            return (HazelcastInstance) new InitialContext().lookup(GRID);
        } catch (NamingException | ClassCastException | LinkageError e) {
            return null;
        }
    }

    static final class Connection extends BroadcastRemoteConnection {

        private final Map<String, Long> lastLogged = new ConcurrentHashMap<>();
        /** Null without a data grid: nothing to send. */
        private final HazelcastInstance grid;

        Connection(ClusterCacheCoordination transport, HazelcastInstance grid) {
            super(transport.getRemoteCommandManager());
            this.grid = grid;
            topicName = rcm.getChannel();
            createDisplayString();
        }

        @Override
        protected Object executeCommandInternal(Object command) {
            // EclipseLink hands over the command serialized, or as it is when no serializer is set
            if (!(command instanceof byte[] || command instanceof Command)) {
                return null;
            }
            try {
                send(command);
            } catch (RuntimeException e) { // the change is committed; the others catch up by expiry
                complain("the data grid", "failed: " + e);
            }
            return null;
        }

        private void send(Object command) {
            if (grid == null) {
                return;
            }
            Set<Member> others = grid.getCluster().getMembers().stream()
                    .filter(member -> !member.localMember())
                    .collect(Collectors.toSet());
            if (others.isEmpty()) {
                return;
            }
            Map<Member, Future<Boolean>> deliveries = grid.getExecutorService(EXECUTOR)
                    .submitToMembers(new CacheCommandDelivery(topicName, command), others);
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
            for (Map.Entry<Member, Future<Boolean>> delivery : deliveries.entrySet()) {
                String member = "cluster member " + delivery.getKey().getAddress();
                try {
                    if (!delivery.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                        complain(
                                member,
                                "does not run this application now (starting, stopping, or another"
                                        + " application sharing the --clustername)");
                    }
                } catch (Exception e) { // never cancel: Hazelcast's cancel waits for the member
                    complain(
                            member,
                            "did not confirm within " + WAIT_MILLIS + " ms ("
                                    + e.getClass().getSimpleName() + ")");
                }
            }
        }

        private void complain(String who, String what) {
            long now = System.nanoTime();
            Long last = lastLogged.get(who);
            if (last == null || now - last > LOG_EVERY_NANOS) {
                lastLogged.put(who, now);
                LOG.warning(() -> "Cache change not confirmed: " + who + " " + what
                        + "; it sees the change once its copy expires (CACHE_EXPIRY_SECONDS). At most one such line a"
                        + " minute per member.");
            }
        }

        void receive(Object command) {
            if (command instanceof byte[] serialized) {
                rcm.processCommandFromRemoteConnection(serialized);
            } else {
                processReceivedObject(command, String.valueOf(((Command) command).getServiceId()));
            }
        }

        @Override
        protected void closeInternal() {}
    }
}
