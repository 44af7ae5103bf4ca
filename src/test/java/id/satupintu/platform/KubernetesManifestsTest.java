package id.satupintu.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Renders k8s/base and every overlay with kustomize (kubectl's) and validates each object against
 * the Kubernetes API schemas and the CloudNativePG and prometheus-operator CRD schemas
 * (kubernetes-models from the npm registry, pinned by src/test/k8s/package-lock.json), then the
 * deployment's own rules (src/test/k8s/policy.mjs). A manifest that the API server or the operator
 * would refuse fails here, not at 2 a.m. during a rollout.
 */
class KubernetesManifestsTest {

    private static final Path VALIDATOR = Path.of("target", "k8s-validate");

    @BeforeAll
    static void installValidator() throws Exception {
        Files.createDirectories(VALIDATOR);
        for (String file : List.of("package.json", "package-lock.json", "validate.mjs", "policy.mjs", "strict.mjs")) {
            Files.copy(Path.of("src", "test", "k8s", file), VALIDATOR.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isDirectory(VALIDATOR.resolve("node_modules"))) {
            Result npm = run(VALIDATOR, null, "npm", "ci", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error");
            assertEquals(0, npm.exit, "npm ci of the schema validator failed:\n" + npm.output + npm.errors);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "dev", "prod"})
    void everyObjectIsValidAndKeepsTheRules(String overlay) throws Exception {
        Path directory = overlay.equals("base") ? Path.of("k8s", "base") : Path.of("k8s", "overlays", overlay);
        Result rendered = run(Path.of("."), null, "kubectl", "kustomize", directory.toString());
        assertEquals(0, rendered.exit, "kustomize could not render " + directory + ":\n" + rendered.errors);

        Result validated = run(VALIDATOR, rendered.output, "node", "validate.mjs", overlay);
        System.out.println("k8s " + overlay + ": " + validated.output.lines().reduce((a, b) -> b).orElse(""));
        assertEquals(0, validated.exit, directory + " has objects the cluster would refuse:\n" + validated.output + validated.errors);
    }

    /**
     * The check is strict: a field no schema declares (a typo, or a field one level too high) is
     * refused, as `kubectl apply --validate=strict` would, instead of being dropped by the server.
     */
    @Test
    void aMisspeltOrMisplacedFieldIsRefused() throws Exception {
        Result rendered = run(Path.of("."), null, "kubectl", "kustomize", "k8s/overlays/prod");
        assertEquals(0, rendered.exit, rendered.errors);
        String broken = rendered.output
                .replaceFirst("(?m)^  replicas: ", "  replicaz: ")
                .replaceFirst("(?m)^  instances: ", "  instances: 3\n  primaryUpdateStrategyy: ");
        assertTrue(!broken.equals(rendered.output) && broken.contains("replicaz") && broken.contains("primaryUpdateStrategyy"),
                "the rendered prod overlay no longer has the fields this test misspells");

        Result validated = run(VALIDATOR, broken, "node", "validate.mjs", "prod");
        assertEquals(1, validated.exit, validated.output + validated.errors);
        assertTrue(validated.output.contains("UNKNOWN FIELD apps/v1 Deployment satupintu") && validated.output.contains("'replicaz'"),
                validated.output);
        assertTrue(validated.output.contains("UNKNOWN FIELD postgresql.cnpg.io/v1 Cluster") && validated.output.contains("'primaryUpdateStrategyy'"),
                validated.output);
    }

    /** Standard output (the manifests, for kustomize) and standard error, kept apart. */
    private record Result(int exit, String output, String errors) {}

    private static Result run(Path directory, String input, String... command) throws IOException, InterruptedException {
        Path errors = Files.createTempFile("k8s-check", ".err");
        Process process;
        try {
            process = new ProcessBuilder(command).directory(directory.toFile()).redirectError(errors.toFile()).start();
        } catch (IOException e) {
            throw new IOException(command[0] + " is needed to check the Kubernetes manifests (" + e.getMessage() + ")", e);
        }
        try (var stdin = process.getOutputStream()) {
            if (input != null) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean ended = process.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly();
        }
        String messages = Files.readString(errors);
        Files.delete(errors);
        return new Result(ended ? process.exitValue() : -1, output, ended ? messages : messages + "\n(timed out)");
    }
}
