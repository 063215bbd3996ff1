package dev.saasapi.platform.http.control;

import java.util.concurrent.atomic.AtomicInteger;

/** How many requests the server is working on right now, so a shutdown can wait for them. */
public final class InFlightRequests {

    private static final AtomicInteger COUNT = new AtomicInteger();

    private InFlightRequests() {}

    public static void started() {
        COUNT.incrementAndGet();
    }

    public static void finished() {
        COUNT.decrementAndGet();
    }

    public static int count() {
        return COUNT.get();
    }
}
