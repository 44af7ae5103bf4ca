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
            messages.add(formatter.formatMessage(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LogCapture(String category) {
        logger = Logger.getLogger(category);
        handler.setLevel(Level.ALL);
        logger.addHandler(handler);
    }

    public static LogCapture of(String category) {
        return new LogCapture(category);
    }

    public List<String> messages() {
        return List.copyOf(messages);
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
    }
}
