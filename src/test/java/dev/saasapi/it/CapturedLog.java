package dev.saasapi.it;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The records one logger publishes while attached: for unit tests of what a class logs. */
public final class CapturedLog extends Handler {

    private final Logger logger;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    public CapturedLog(String loggerName) {
        this.logger = Logger.getLogger(loggerName);
    }

    public void attach() {
        logger.addHandler(this);
    }

    public void detach() {
        logger.removeHandler(this);
    }

    public List<LogRecord> records() {
        return records;
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
}
