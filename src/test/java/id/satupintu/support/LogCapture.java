package id.satupintu.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The messages one logger category writes while a test runs (a @QuarkusTest shares the service's
 * JVM, and Quarkus logs through java.util.logging's manager). Close it to stop listening.
 */
public final class LogCapture implements AutoCloseable {

    private final Logger logger;
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            if (isLoggable(record)) {
                messages.add(record.getLoggerName() + ": " + formatter.formatMessage(record)
                        + (record.getThrown() == null ? "" : " (" + record.getThrown() + ")"));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LogCapture(String category, Level level) {
        logger = Logger.getLogger(category);
        handler.setLevel(level);
        logger.addHandler(handler);
    }

    public static LogCapture of(String category) {
        return new LogCapture(category, Level.ALL);
    }

    /** Every message logged at ERROR (SEVERE) or worse, by any category, with its logger's name. */
    public static LogCapture errors() {
        return new LogCapture("", Level.SEVERE);
    }

    public List<String> messages() {
        return List.copyOf(messages);
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
    }
}
