package dev.saasapi.platform.lifecycle.control;

import dev.saasapi.platform.config.control.PayaraMicroProcess;
import dev.saasapi.platform.http.control.InFlightRequests;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import sun.misc.Signal;

/**
 * SIGTERM (docker stop, Kubernetes, systemd) on Payara Micro: readiness turns DOWN at once so the
 * load balancer stops sending requests, the requests in flight finish (at most {@link #GRACE}), then
 * the process exits 0. The JVM's own handling would exit 143 and Payara would cut running requests.
 */
public final class GracefulShutdown {

    /** Within the 30 s that Docker and Kubernetes wait before SIGKILL. */
    public static final Duration GRACE = Duration.ofSeconds(25);

    private static final Logger LOG = Logger.getLogger(GracefulShutdown.class.getName());
    private static final AtomicBoolean INSTALLED = new AtomicBoolean();
    private static volatile boolean draining;

    private GracefulShutdown() {}

    /** Whether a shutdown has begun: readiness reports DOWN from then on. */
    public static boolean draining() {
        return draining;
    }

    /** Takes over SIGTERM, once per process, and only in a Payara Micro process of our own. */
    public static void install() {
        if (PayaraMicroProcess.isRunning() && INSTALLED.compareAndSet(false, true)) {
            Signal.handle(new Signal("TERM"), signal -> {
                Thread drain = new Thread(GracefulShutdown::drainAndExit, "saas-api-shutdown");
                drain.setDaemon(false);
                drain.start();
            });
        }
    }

    private static void drainAndExit() {
        draining = true;
        long start = System.nanoTime();
        long deadline = start + GRACE.toNanos();
        LOG.info(() -> "SIGTERM: readiness is DOWN; waiting for " + InFlightRequests.count() + " request(s) in flight");
        while (InFlightRequests.count() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        int left = InFlightRequests.count();
        long waited = (System.nanoTime() - start) / 1_000_000;
        LOG.info(() ->
                "Stopping after " + waited + " ms" + (left > 0 ? " with " + left + " request(s) unfinished" : ""));
        System.exit(0);
    }
}
