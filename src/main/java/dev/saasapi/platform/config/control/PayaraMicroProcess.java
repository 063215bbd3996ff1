package dev.saasapi.platform.config.control;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Logger;

/**
 * The Payara Micro process the WAR runs in, when it runs in one: a process that exists only to serve
 * this application, so the application may end it. On a full Payara Server (other applications,
 * an operator's domain) it never does.
 */
public final class PayaraMicroProcess {

    private PayaraMicroProcess() {}

    /** Set by Payara Micro's launcher, for a plain payara-micro.jar and an uber jar alike. */
    public static boolean isRunning() {
        return System.getProperty("fish.payara.micro.BootJar") != null;
    }

    /**
     * Ends the process with {@code status}, {@code lastWords} being the last lines it logs, once the caller has returned: exiting from within a
     * deployment would deadlock with Payara's shutdown hook, which waits for the deployment. If the
     * orderly exit still hangs (a failed deployment can hold that lock for good), the process is
     * halted after {@code HALT_AFTER_SECONDS}.
     */
    public static void exitSoon(int status, Logger logger, List<String> lastWords) {
        Thread exit = new Thread(
                () -> {
                    try {
                        quietShutdown(logger.getName());
                    } finally {
                        lastWords.forEach(logger::severe);
                    }
                    System.exit(status);
                },
                "saas-api-exit");
        exit.setDaemon(false);
        Thread halt = new Thread(
                () -> {
                    try {
                        Thread.sleep(HALT_AFTER_SECONDS * 1000L);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    Runtime.getRuntime().halt(status);
                },
                "saas-api-halt");
        halt.setDaemon(true);
        halt.start();
        exit.start();
    }

    static final int HALT_AFTER_SECONDS = 15;

    /**
     * Keeps {@code lastWords} the last lines an operator sees: what a server that never served logs
     * after that (a failed deployment's consequences, shutdown INFO lines, components that print to
     * standard out) only buries the reason. The log handlers pass only {@code logger}'s records from
     * now on; they keep the streams they were created with.
     */
    private static void quietShutdown(String logger) {
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            handler.setFilter(record -> logger.equals(record.getLoggerName()));
        }
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
        System.setOut(discard);
        System.setErr(discard);
    }
}
