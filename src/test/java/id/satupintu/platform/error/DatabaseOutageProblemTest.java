package id.satupintu.platform.error;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.VertxException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** What {@link DatabaseOutage} takes for the database being away, however deep the cause, and what not. */
class DatabaseOutageProblemTest {

    @Test
    void connectionFailuresOfThePgClientAreOutages() {
        assertTrue(DatabaseOutage.recognises(new ConnectException("Connection refused: /127.0.0.1:5432")));
        assertTrue(DatabaseOutage.recognises(new ConnectTimeoutException("connection timed out")));
        assertTrue(DatabaseOutage.recognises(ClosedConnectionException.INSTANCE));
        assertTrue(DatabaseOutage.recognises(new ConnectionPoolTooBusyException(
                "Connection pool reached max wait queue size of 200")));
        assertTrue(DatabaseOutage.recognises(new VertxException("Timeout waiting for connection", true)));
        assertTrue(DatabaseOutage.recognises(new NoStackTraceThrowable("Timeout")));
        assertTrue(DatabaseOutage.recognises(new VertxException("Connection not open")));
    }

    @Test
    void serverStatesOfAServerThatCannotServeAreOutages() {
        assertTrue(DatabaseOutage.recognises(pg("57P01")));
        assertTrue(DatabaseOutage.recognises(pg("57P03")));
        assertTrue(DatabaseOutage.recognises(pg("08006")));
        assertTrue(DatabaseOutage.recognises(pg("53300")));
    }

    @Test
    void causesAreUnwrapped() {
        // Hibernate Reactive hands on the client's failure inside its own and CompletionException.
        Throwable wrapped = new CompletionException(new IllegalStateException("HR000001",
                new ConnectException("Connection refused")));
        assertTrue(DatabaseOutage.recognises(wrapped));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(DatabaseOutage.recognises(null));
        assertFalse(DatabaseOutage.recognises(new IllegalStateException("bug")));
        assertFalse(DatabaseOutage.recognises(pg("23505")));
        assertFalse(DatabaseOutage.recognises(pg("42P01")));
        assertFalse(DatabaseOutage.recognises(new VertxException("something else")));
        assertFalse(DatabaseOutage.recognises(new ProblemException(400, "invalid-input")));
    }

    private static PgException pg(String state) {
        return new PgException("server says no", "FATAL", state, null);
    }
}
