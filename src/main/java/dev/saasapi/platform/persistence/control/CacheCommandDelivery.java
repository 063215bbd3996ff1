package dev.saasapi.platform.persistence.control;

import java.io.Serializable;
import java.util.concurrent.Callable;

/**
 * One cache change on its way to another instance ({@link ClusterCacheCoordination}): EclipseLink's
 * command, serialized by it (a {@code byte[]}) or as it is.
 */
record CacheCommandDelivery(String channel, Object command) implements Callable<Boolean>, Serializable {

    @Override
    public Boolean call() {
        return ClusterCacheCoordination.deliver(channel, command);
    }
}
