package id.satupintu.platform.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

/**
 * An operator reading a log line must find the request it belongs to: the line carries the
 * request's W3C trace id, the caller's (from traceparent) when it sent one, in the MDC that the
 * JSON logs print.
 */
@QuarkusTest
class TraceIdLoggingTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Test
    void aLogLineWrittenForARequestCarriesItsTraceId() {
        List<String> traceIds = new CopyOnWriteArrayList<>();
        Logger logger = Logger.getLogger("id.satupintu.platform.error");
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record instanceof ExtLogRecord ext && record.getMessage() != null) {
                    traceIds.add(String.valueOf(ext.getMdc("traceId")));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        handler.setLevel(Level.ALL);
        logger.addHandler(handler);
        try {
            // An unreadable JSON body is logged (at DEBUG: a client mistake) by the problem mapper.
            given().header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
                    .contentType("application/json").body("{not json")
                    .when().post("/api/v1/auth/register").then().statusCode(400);
        } finally {
            logger.removeHandler(handler);
        }
        assertTrue(traceIds.contains(TRACE_ID), "log lines of the request carry its trace id: " + traceIds);
    }
}
