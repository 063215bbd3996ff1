package dev.saasapi.platform.config.control;

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
     * Ends the process with {@code status} once the caller has returned: exiting from within a
     * deployment would deadlock with Payara's shutdown hook, which waits for the deployment. If the
     * orderly exit still hangs (a failed deployment can hold that lock for good), the process is
     * halted after {@code HALT_AFTER_SECONDS}.
     */
    public static void exitSoon(int status) {
        Thread exit = new Thread(() -> System.exit(status), "saas-api-exit");
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
}
