package dev.saasapi.platform.persistence.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.function.ToIntFunction;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The application's connection pool in /metrics: connections in use, free and at most, and the
 * requests waiting for one. Payara Micro publishes no pool statistics of its own (its monitoring
 * MBeans need AMX, which Micro does not run), so the figures are read from Payara's pool manager,
 * the same object that hands out the connections. That is Payara's internal API, used by
 * reflection and only here: on a server where it differs the gauges are left out with one warning.
 */
@ApplicationScoped
public class ConnectionPoolGauges {

    private static final Logger LOG = Logger.getLogger(ConnectionPoolGauges.class.getName());

    private volatile PoolReader reader;
    private volatile boolean unavailable;

    void publish(@Observes @Initialized(ApplicationScoped.class) Object start, MetricRegistry registry) {
        gauge(registry, "db_pool_connections_in_use", "Pooled database connections handed out now", PoolStatus::used);
        gauge(registry, "db_pool_connections_free", "Open pooled database connections not in use", PoolStatus::free);
        gauge(registry, "db_pool_connections_max", "The most connections the pool opens", PoolStatus::max);
        gauge(
                registry,
                "db_pool_waiting",
                "Requests waiting for a pooled connection (at most 5 s, then 503)",
                PoolStatus::waiting);
    }

    private void gauge(MetricRegistry registry, String name, String description, ToIntFunction<PoolStatus> figure) {
        registry.gauge(
                Metadata.builder().withName(name).withDescription(description).build(), this, gauges -> {
                    PoolStatus status = gauges.status();
                    return status == null ? 0 : figure.applyAsInt(status);
                });
    }

    /** The pool's figures now; null before its first connection or where they cannot be read. */
    PoolStatus status() {
        if (unavailable) {
            return null;
        }
        try {
            if (reader == null) {
                reader = new PoolReader(InitialContext.doLookup("java:app/AppName"));
            }
            return reader.read();
        } catch (ReflectiveOperationException | NamingException | RuntimeException | LinkageError e) {
            unavailable = true;
            LOG.warning("Connection pool figures are not available on this server: " + e);
            return null;
        }
    }

    record PoolStatus(int used, int free, int max, int waiting) {}

    /** Reads one pool through Payara's PoolManager, found in its service locator. */
    private static final class PoolReader {

        private final Object poolManager;
        private final Object poolInfo;
        private final Method getPool;
        private final Method getPoolStatus;
        private final Method getMaxPoolSize;
        private final Method getPoolWaitQueue;
        private final Method numConnUsed;
        private final Method numConnFree;
        private final Method queueLength;

        PoolReader(String application) throws ReflectiveOperationException {
            Class<?> globals = Class.forName(
                    "org.glassfish.internal.api.Globals",
                    false,
                    Thread.currentThread().getContextClassLoader());
            ClassLoader server = globals.getClassLoader();
            Class<?> managerType = Class.forName("com.sun.enterprise.resource.pool.PoolManager", false, server);
            Class<?> poolType = Class.forName("com.sun.enterprise.resource.pool.ResourcePool", false, server);
            Class<?> statusType = Class.forName("com.sun.enterprise.resource.pool.PoolStatus", false, server);
            Class<?> queueType =
                    Class.forName("com.sun.enterprise.resource.pool.waitqueue.PoolWaitQueue", false, server);
            Class<?> infoType = Class.forName("org.glassfish.resourcebase.resources.api.PoolInfo", false, server);
            Object locator = globals.getMethod("getDefaultHabitat").invoke(null);
            poolManager = locator.getClass()
                    .getMethod("getService", Class.class, Annotation[].class)
                    .invoke(locator, managerType, new Annotation[0]);
            // the pool Payara derives from @DataSourceDefinition of a java:app name
            poolInfo = infoType.getConstructor(String.class)
                    .newInstance("__SYSTEM/pools/__datasource_definition/" + application + "/"
                            + ApplicationDataSource.JNDI_NAME);
            getPool = managerType.getMethod("getPool", infoType);
            getPoolStatus = poolType.getMethod("getPoolStatus");
            getMaxPoolSize = poolType.getMethod("getMaxPoolSize");
            getPoolWaitQueue = poolType.getMethod("getPoolWaitQueue");
            numConnUsed = statusType.getMethod("getNumConnUsed");
            numConnFree = statusType.getMethod("getNumConnFree");
            queueLength = queueType.getMethod("getQueueLength");
        }

        PoolStatus read() throws ReflectiveOperationException {
            Object pool = getPool.invoke(poolManager, poolInfo);
            if (pool == null) {
                return null; // created with the first connection
            }
            Object status = getPoolStatus.invoke(pool);
            Object queue = getPoolWaitQueue.invoke(pool);
            return new PoolStatus(
                    (int) numConnUsed.invoke(status),
                    (int) numConnFree.invoke(status),
                    (int) getMaxPoolSize.invoke(pool),
                    queue == null ? 0 : (int) queueLength.invoke(queue));
        }
    }
}
