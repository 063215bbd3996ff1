package dev.saasapi.platform.http.boundary;

import dev.saasapi.platform.config.control.InvalidConfigurationException;
import dev.saasapi.platform.config.control.PayaraMicroProcess;
import dev.saasapi.platform.config.control.Settings;
import dev.saasapi.platform.config.control.StartupFailure;
import dev.saasapi.platform.http.control.LogFormat;
import dev.saasapi.platform.http.control.SafeLogFormatter;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Handler;
import java.util.logging.Logger;

/**
 * Sets the log format of a Payara Micro process ({@code LOG_FORMAT}) and puts the request id into
 * every line written while a request is served. Payara Micro's console handler formats on the
 * logging thread, which is what lets a line find its request. A full Payara Server keeps its own
 * logging configuration: the process and its handlers belong to the operator there.
 */
@WebListener
public class RequestAwareLogging implements ServletContextListener {

    @Inject
    Settings settings;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        try {
            LogFormat format = LogFormat.from(settings);
            if (!PayaraMicroProcess.isRunning()) {
                return;
            }
            for (Handler handler : rootHandlers()) {
                if (!(handler.getFormatter() instanceof SafeLogFormatter)) {
                    handler.setFormatter(
                            new SafeLogFormatter(format.formatter(handler.getFormatter()), format == LogFormat.JSON));
                }
            }
        } catch (InvalidConfigurationException e) {
            StartupFailure.report(e);
            throw e;
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        // the server's own format back: no handler keeps a class of an undeployed application
        for (Handler handler : rootHandlers()) {
            if (handler.getFormatter() instanceof SafeLogFormatter ours) {
                handler.setFormatter(ours.wrapped());
            }
        }
    }

    private static Handler[] rootHandlers() {
        return Logger.getLogger("").getHandlers();
    }
}
