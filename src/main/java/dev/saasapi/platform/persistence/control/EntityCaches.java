package dev.saasapi.platform.persistence.control;

import dev.saasapi.platform.config.control.Settings;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.eclipse.persistence.config.CacheIsolationType;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.descriptors.invalidation.TimeToLiveCacheInvalidationPolicy;
import org.eclipse.persistence.sessions.Session;

/**
 * EclipseLink's shared cache, for the entities that opt in with {@code @Cacheable} (the account every
 * protected request reads). A change made through the application updates it when it commits, and in
 * cluster mode every other instance drops its copy ({@link ClusterCacheCoordination}); a change made
 * beside the application (SQL by hand) is seen once the copy expires, after {@value #VARIABLE}.
 */
public final class EntityCaches {

    public static final String VARIABLE = "CACHE_EXPIRY_SECONDS";
    static final long DEFAULT_SECONDS = 60;

    private EntityCaches() {}

    /** From 0 (no shared cache: every read goes to the database) to an hour. */
    public static Duration expiry(Settings settings) {
        return settings.duration(VARIABLE, DEFAULT_SECONDS, ChronoUnit.SECONDS, 0, 3600);
    }

    /**
     * Gives every shared entity cache the expiry (an expiry of zero makes them all private to a
     * transaction), and has a change only drop the other instances' copies: ids cross the data grid,
     * never an entity's values (the grid has no password).
     */
    static void configure(Session session, Duration expiry) {
        for (ClassDescriptor descriptor : session.getDescriptors().values()) {
            if (!descriptor.getCachePolicy().isSharedIsolation()) {
                continue;
            }
            if (expiry.isZero()) {
                descriptor.getCachePolicy().setCacheIsolation(CacheIsolationType.ISOLATED);
            } else {
                descriptor.setCacheInvalidationPolicy(new TimeToLiveCacheInvalidationPolicy(expiry.toMillis()));
                descriptor.getCachePolicy().setCacheSynchronizationType(ClassDescriptor.INVALIDATE_CHANGED_OBJECTS);
            }
        }
    }
}
