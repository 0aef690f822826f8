package dev.baton.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Baton started as its own JVM with {@code baton serve}, the way an operator runs it, on the embedded PostgreSQL in a
 * data folder: spoken to over HTTP, and stopped or killed like any process. Neither it nor its PostgreSQL outlives
 * {@link #close()}, nor the JVM that started it.
 */
public final class BatonProcess implements AutoCloseable {

    public static final String TOKEN = "child-process-token";
    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final Duration SHUTDOWN = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What Spring Boot logs once the application is ready to serve. */
    private static final String STARTED = "Started BatonApplication in";

    private final CompletableFuture<Void> started = new CompletableFuture<>();
    private final Process process;
    private final Path dataDir;
    private final int port;
    private final Thread reaper = new Thread(this::forceStop, "baton-process-reaper");
    private volatile Optional<ProcessHandle> postmaster = Optional.empty();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private BatonProcess(Process process, Path dataDir, int port) {
        this.process = process;
        this.dataDir = dataDir;
        this.port = port;
        Runtime.getRuntime().addShutdownHook(reaper);
        var logCopier = new Thread(this::copyLog, "baton-process-log");
        logCopier.setDaemon(true);
        logCopier.start();
    }

    /** Copies the child's output to baton.log in its data folder, and says when it has started. */
    private void copyLog() {
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(
                        process.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
                var log = Files.newBufferedWriter(
                        dataDir.resolve("baton.log"),
                        java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.APPEND)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                log.write(line);
                log.newLine();
                log.flush();
                if (line.contains(STARTED)) {
                    started.complete(null);
                }
            }
        } catch (IOException e) {
            started.completeExceptionally(e);
        }
        started.completeExceptionally(new IllegalStateException("Baton's output ended before it started"));
    }

    /** Starts Baton on a free port with this test run's class path and waits until it reports itself up. */
    public static BatonProcess start(Path dataDir, List<String> jvmOptions) throws IOException {
        int port = freePort();
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.baton.BatonApplication"));
        command.addAll(List.of("serve", "--port", "" + port, "--data-dir", dataDir.toString()));
        Files.createDirectories(dataDir);
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("BATON_API_TOKEN", TOKEN);
        // benchmarks send far more than an integration would; their token is not what they measure
        builder.environment().put("BATON_API_REQUESTSPERMINUTE", "100000000");
        builder.environment().remove("BATON_DATABASE_URL");
        var baton = new BatonProcess(builder.start(), dataDir, port);
        try {
            baton.awaitHealthy();
        } catch (RuntimeException | IOException e) {
            baton.close();
            throw e;
        }
        return baton;
    }

    /** How a Baton that was expected not to start ended: its exit code and everything it printed. */
    public record Refusal(int exitCode, String output) {}

    /**
     * Runs {@code baton serve} on the folder and waits for it to end by itself, as a Baton that refuses to start does;
     * one still running after the start-up time is stopped and reported as such.
     */
    public static Refusal runToRefusal(Path dataDir, List<String> jvmOptions) throws IOException {
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.baton.BatonApplication"));
        command.addAll(List.of("serve", "--port", "" + freePort(), "--data-dir", dataDir.toString()));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("BATON_API_TOKEN", TOKEN);
        // benchmarks send far more than an integration would; their token is not what they measure
        builder.environment().put("BATON_API_REQUESTSPERMINUTE", "100000000");
        builder.environment().remove("BATON_DATABASE_URL");
        Process process = builder.start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try {
            if (!process.waitFor(STARTUP.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                return new Refusal(Integer.MIN_VALUE, "still running after " + STARTUP + ":\n" + output.join());
            }
            return new Refusal(process.exitValue(), output.join());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted", e);
        }
    }

    /** Waits for Spring Boot's "Started" line in the child's output, then for it to report itself up. */
    private void awaitHealthy() throws IOException {
        try {
            started.get(STARTUP.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Baton did not come up within " + STARTUP + ":\n" + logTail());
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Baton exited before it started:\n" + logTail(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        // a Baton still getting ready (the demo generating its funnel) says OUT_OF_SERVICE until it is
        long deadline = System.nanoTime() + STARTUP.toNanos();
        HttpResponse<String> health = send(HttpRequest.newBuilder(uri("/actuator/health")));
        while (health.body().contains("\"OUT_OF_SERVICE\"") && System.nanoTime() < deadline && process.isAlive()) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            health = send(HttpRequest.newBuilder(uri("/actuator/health")));
        }
        if (health.statusCode() != 200 || !health.body().contains("\"UP\"")) {
            throw new IllegalStateException("Baton started but is not up: " + health.body() + "\n" + logTail());
        }
        postmaster = postmasterOf(dataDir);
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public Path dataDir() {
        return dataDir;
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** A request with the API token; the caller adds the method and body. */
    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + TOKEN);
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    public CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest.Builder request) {
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public JsonNode getJson(String path) throws IOException {
        return json(send(request(path).GET()));
    }

    public JsonNode postJson(String path, String body) throws IOException {
        return json(send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))));
    }

    /** Proposes an agreement, has marketing and sales sign it, and activates it; returns its version number. */
    public int activateAgreement(String yaml) throws IOException {
        JsonNode proposed = json(send(request("/api/v1/agreements")
                .header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(yaml))));
        int number = proposed.get("number").asInt();
        Signers.signAndActivate("http://localhost:" + port, TOKEN, number);
        return number;
    }

    private static JsonNode json(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(
                    response.request().uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** A connection straight to the embedded PostgreSQL, found through its pid file. */
    public Connection database() throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + postgresPort() + "/postgres", "postgres", "");
    }

    private int postgresPort() {
        try {
            // postmaster.pid: pid, data directory, start time, port, …
            return Integer.parseInt(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid"))
                    .get(3)
                    .strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The PostgreSQL this Baton started, while it runs: it outlives a Baton killed with SIGKILL. */
    public Optional<ProcessHandle> postgres() {
        return postmaster.filter(ProcessHandle::isAlive);
    }

    private static Optional<ProcessHandle> postmasterOf(Path dataDir) {
        Path pidFile = dataDir.resolve("postgres/postmaster.pid");
        try {
            List<String> lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
            return lines.isEmpty() || !lines.get(0).strip().matches("\\d+")
                    ? Optional.empty()
                    : ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
                            .filter(process -> process.info()
                                    .command()
                                    .map(command -> Path.of(command)
                                            .getFileName()
                                            .toString()
                                            .startsWith("postgres"))
                                    .orElse(false));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Kills the JVM with SIGKILL, as {@code kill -9} does, and waits until it is gone. */
    public void kill() {
        process.destroyForcibly();
        await(process.toHandle(), SHUTDOWN);
    }

    /** Kills this Baton's PostgreSQL and all its processes with SIGKILL: a crash it must recover from. */
    public void killPostgres() {
        postgres().ifPresent(postmaster -> {
            List<ProcessHandle> all = new ArrayList<>(postmaster.descendants().toList());
            all.add(0, postmaster);
            all.forEach(ProcessHandle::destroyForcibly);
            all.forEach(p -> await(p, SHUTDOWN));
        });
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("baton.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops Baton as {@code kill} does (it then stops its PostgreSQL), and its PostgreSQL if Baton was killed. */
    @Override
    public void close() {
        process.destroy();
        if (!await(process.toHandle(), SHUTDOWN)) {
            forceStop();
        }
        postgres().ifPresent(postmaster -> {
            postmaster.destroy();
            if (!await(postmaster, SHUTDOWN)) {
                killPostgres();
            }
        });
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to
        }
    }

    private void forceStop() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        await(process.toHandle(), SHUTDOWN);
        killPostgres();
    }

    private static boolean await(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return !process.isAlive();
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
