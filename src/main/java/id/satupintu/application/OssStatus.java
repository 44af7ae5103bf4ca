package id.satupintu.application;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * OSS status codes of application states and transitions, read from {@code reference/oss-status.csv}
 * so the integration's mapping is data that can be reviewed and changed without touching the workflow.
 */
final class OssStatus {

    private static final Map<ApplicationState, Integer> BY_STATE = new EnumMap<>(ApplicationState.class);
    private static final Map<String, Integer> BY_ACTION = new HashMap<>();

    static {
        try (InputStream in = OssStatus.class.getClassLoader().getResourceAsStream("reference/oss-status.csv")) {
            if (in == null) {
                throw new IllegalStateException("reference/oss-status.csv is missing from the build");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.lines().skip(1).filter(line -> !line.isBlank()).forEach(line -> {
                String[] cells = line.split(",", 4);
                int code = Integer.parseInt(cells[2].trim());
                if ("state".equals(cells[0])) {
                    BY_STATE.put(ApplicationState.valueOf(cells[1].trim()), code);
                } else if ("action".equals(cells[0])) {
                    if (Workflow.find(cells[1].trim()).isEmpty()) {
                        throw new IllegalStateException("oss-status.csv names an unknown action " + cells[1]);
                    }
                    BY_ACTION.put(cells[1].trim(), code);
                } else {
                    throw new IllegalStateException("oss-status.csv: unknown kind " + cells[0]);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private OssStatus() {
    }

    /** The code of a state; null for a draft, which OSS never sees. */
    static Integer of(ApplicationState state) {
        return BY_STATE.get(state);
    }

    /** The code reported for a transition: its own when it has one (41, 42), else its target state's. */
    static Integer of(String action, ApplicationState to) {
        return BY_ACTION.getOrDefault(action, of(to));
    }
}
