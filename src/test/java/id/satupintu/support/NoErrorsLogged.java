package id.satupintu.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test during which anything was logged at ERROR: client mistakes are not server faults, yet
 * Quarkus, Vert.x and a careless mapper log them at ERROR. {@code @ExtendWith(NoErrorsLogged.class)}.
 */
public final class NoErrorsLogged implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace HERE = ExtensionContext.Namespace.create(NoErrorsLogged.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(HERE).put("errors", LogCapture.errors());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try (LogCapture errors = context.getStore(HERE).remove("errors", LogCapture.class)) {
            assertEquals(List.of(), errors.messages(), "logged at ERROR during " + context.getDisplayName());
        }
    }
}
