package dev.aisle.engine.feedback;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster for tests: {@code initdb} into a temporary folder, {@code pg_ctl}
 * on a free loopback port, removed on {@link #close()}. PostgreSQL refuses to run as root, so as
 * root the server runs as the {@code postgres} user (created by the Debian package) via runuser.
 * The binaries are found through {@code AISLE_PG_BIN}, the PATH, or /usr/lib/postgresql/N/bin.
 */
final class PostgresServer implements AutoCloseable {

    /** What .ci/run must install for these tests to run rather than be skipped. */
    static final String INSTALL_HINT = "PostgreSQL server binaries (initdb, pg_ctl) not found: "
            + "install them with 'apt-get install -y postgresql' or set AISLE_PG_BIN";

    private final Path bin;
    private final Path dir;
    private final int port;
    /** The user the server runs as when the tests run as root; "" otherwise. */
    private final String runAs;
    private int databases;

    private PostgresServer(Path bin, Path dir, int port, String runAs) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.runAs = runAs;
    }

    /** "postgres" where the Debian package made that user, else "nobody". */
    private static String serverUser(Path dir) {
        try {
            dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            return "postgres";
        } catch (IOException e) {
            return "nobody";
        }
    }

    /** The server binaries' folder, if PostgreSQL is installed. */
    static Optional<Path> findBinaries() {
        List<Path> candidates = new ArrayList<>();
        String env = System.getenv("AISLE_PG_BIN");
        if (env != null && !env.isBlank()) {
            candidates.add(Path.of(env));
        }
        for (String p : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!p.isBlank()) {
                candidates.add(Path.of(p));
            }
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                versions.sorted(Comparator.comparing((Path v) -> {
                    try {
                        return Integer.parseInt(v.getFileName().toString());
                    } catch (NumberFormatException e) {
                        return 0;
                    }
                }).reversed()).forEach(v -> candidates.add(v.resolve("bin")));
            } catch (IOException ignored) {
                // no versions to offer
            }
        }
        return candidates.stream()
                .filter(d -> Files.isExecutable(d.resolve("initdb")) && Files.isExecutable(d.resolve("pg_ctl")))
                .map(d -> d.resolve("initdb").toAbsolutePath())
                .map(PostgresServer::realParent)
                .findFirst();
    }

    private static Path realParent(Path file) {
        try {
            return file.toRealPath().getParent();
        } catch (IOException e) {
            return file.getParent();
        }
    }

    static PostgresServer start(Path bin) throws IOException, InterruptedException {
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("aisle-pg");
        String runAs = "";
        if (root) {
            runAs = serverUser(dir);
            UserPrincipal owner = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(runAs);
            Files.setOwner(dir, owner);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
        PostgresServer server = new PostgresServer(bin, dir, freePort(), runAs);
        try {
            server.run(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", "aisle",
                    "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"));
            server.run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l",
                    dir.resolve("server.log").toString(), "-w", "-t", "120", "-o",
                    "-p " + server.port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start"));
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** A new empty database on this server, as a JDBC URL. */
    synchronized String newDatabase() throws SQLException {
        String name = "feedback_" + (++databases);
        try (Connection c = DriverManager.getConnection(url("postgres"), "aisle", "");
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        return url(name);
    }

    String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private void run(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (!runAs.isEmpty()) {
            full.addAll(List.of("runuser", "-u", runAs, "--"));
        }
        full.addAll(command);
        Process p = new ProcessBuilder(full).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("'" + String.join(" ", full) + "' failed:\n" + output);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        try {
            if (Files.exists(dir.resolve("data").resolve("postmaster.pid"))) {
                run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "stop"));
            }
        } catch (IOException | InterruptedException e) {
            System.err.println("could not stop the test PostgreSQL in " + dir + ": " + e.getMessage());
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException ignored) {
                // a temp folder left behind is harmless
            }
        }
    }
}
