package dev.saasapi.platform.config.control;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * The one way a start-up ends when the configuration is wrong: one line naming the variable, then the
 * end of a Payara Micro process, because one that cannot serve should not look alive to its
 * orchestrator. Config sources, filters and the start-up check may all run into the same problem;
 * it is reported once.
 */
public final class StartupFailure {

    private static final Logger LOG = Logger.getLogger(StartupFailure.class.getName());
    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean EXITING = new AtomicBoolean();
    /** sysexits.h EX_CONFIG: the configuration is wrong, restarting alone will not help. */
    public static final int EXIT_STATUS = 78;

    private StartupFailure() {}

    /** Runs a check of settings at start-up; a wrong setting is reported, and fails the deployment. */
    public static void check(Runnable check) {
        try {
            check.run();
        } catch (InvalidConfigurationException e) {
            report(e);
            throw e;
        }
    }

    /**
     * Logs the reason once. On Payara Micro the process then ends, and the reason is the last line it
     * logs (see {@link PayaraMicroProcess}).
     */
    public static void report(InvalidConfigurationException e) {
        String reason = "Cannot start saas-api: " + e.getMessage();
        if (!PayaraMicroProcess.isRunning()) {
            if (REPORTED.add(e.getMessage())) {
                LOG.severe(reason);
            }
        } else if (EXITING.compareAndSet(false, true)) {
            PayaraMicroProcess.exitSoon(
                    EXIT_STATUS, LOG, List.of("Stopping Payara Micro with exit status " + EXIT_STATUS, reason));
        }
    }
}
