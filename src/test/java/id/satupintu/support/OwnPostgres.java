package id.satupintu.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of a test's own (initdb on a free port, in a temporary directory), for tests
 * that stop and start the database: the rest of the suite keeps its own. PostgreSQL refuses to run as
 * root, so when the tests run as root the server's commands run as the postgres user.
 */
public final class OwnPostgres implements AutoCloseable {

    private final Path bin;
    private final Path dir;
    private final Path data;
    private final int port;

    private OwnPostgres(Path bin, Path dir, int port) {
        this.bin = bin;
        this.dir = dir;
        this.data = dir.resolve("data");
        this.port = port;
    }

    /** The newest PostgreSQL server binaries installed (/usr/lib/postgresql/N/bin), or null. */
    public static Path binaries() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(candidate -> Files.isExecutable(candidate.resolve("initdb")))
                    .max(Comparator.comparingInt(OwnPostgres::version)).orElse(null);
        }
    }

    /** Makes and starts a cluster with a database {@code name} owned by the role satupintu. */
    public static OwnPostgres start(Path bin, String name) throws Exception {
        Path dir = Files.createTempDirectory("satupintu-pg-");
        OwnPostgres pg = new OwnPostgres(bin, dir, PackagedInstances.freePort());
        try {
            if (root()) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
                pg.run(List.of("chown", "postgres:postgres", dir.toString()), false);
            }
            pg.run(List.of(bin.resolve("initdb").toString(), "-D", pg.data.toString(), "-U", "postgres",
                    "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "-N"), true);
            pg.startServer();
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("postgres"), "postgres", "");
                 Statement s = c.createStatement()) {
                s.execute("create role satupintu login password 'satupintu'");
                s.execute("create database " + name + " owner satupintu");
            }
            return pg;
        } catch (Exception | AssertionError e) {
            pg.close();
            throw e;
        }
    }

    public int port() {
        return port;
    }

    /** The reactive URL the service takes (no jdbc: prefix). */
    public String url(String database) {
        return "postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String jdbcUrl(String database) {
        return "jdbc:" + url(database);
    }

    /** Starts the server and waits until it accepts connections. */
    public void startServer() throws Exception {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("server.log").toString(),
                "-w", "-t", "30", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off",
                "start"), true);
    }

    /** Stops the server as an operator's restart does: sessions are ended, connections refused. */
    public void stopServer() throws Exception {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "-t", "30", "stop"),
                true);
    }

    /** Stops the server if it runs and removes the cluster's directory. */
    @Override
    public void close() {
        try {
            if (Files.exists(data.resolve("postmaster.pid"))) {
                run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop"),
                        true);
            }
        } catch (Exception | AssertionError e) {
            System.err.println("could not stop the test's PostgreSQL: " + e.getMessage());
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException e) {
                System.err.println("could not remove " + dir + ": " + e.getMessage());
            }
        }
    }

    private void run(List<String> command, boolean asPostgres) throws Exception {
        List<String> full = new ArrayList<>();
        if (asPostgres && root()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Process process = new ProcessBuilder(full).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("commands.log").toFile())).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + full);
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("failed (" + process.exitValue() + "): " + full + "\n"
                    + Files.readString(dir.resolve("commands.log")));
        }
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int version(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString().replaceAll("\\D.*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
