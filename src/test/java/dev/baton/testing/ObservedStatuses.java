package dev.baton.testing;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Every status a test's Baton answered, by method and path, whoever sent the request: gathered by a filter in front of
 * all others (the access check included), for every test class of the run, and written to
 * {@code target/observed-statuses/} under the build's name when the test JVM ends, so that
 * {@code DocumentedStatusesTest}, run after all the others (its own surefire execution), can hold the OpenAPI document
 * to what the server really answered in this build.
 */
public final class ObservedStatuses {

    /** One answer: the request's method and path (without its query) and the status. */
    public record Observed(String method, String path, int status) {}

    public static final Path FOLDER = Path.of("target", "observed-statuses");

    private static final Set<Observed> SEEN = ConcurrentHashMap.newKeySet();

    /** The build this JVM runs in (set by the pom), so that a check reads its own build's answers only. */
    private static final String BUILD = "build-" + System.getProperty("baton.observed.build", "none") + "-";

    static {
        forgetEarlierBuilds();
        Runtime.getRuntime().addShutdownHook(new Thread(ObservedStatuses::write, "observed-statuses"));
    }

    private ObservedStatuses() {}

    /** What this JVM observed, and what earlier test JVMs of the build wrote. */
    public static Set<Observed> all() throws IOException {
        var all = new HashSet<>(SEEN);
        if (Files.isDirectory(FOLDER)) {
            try (var files = Files.list(FOLDER)) {
                for (Path file : files.filter(ObservedStatuses::ofThisBuild).toList()) {
                    for (String line : Files.readAllLines(file)) {
                        String[] parts = line.split("\t");
                        all.add(new Observed(parts[0], parts[1], Integer.parseInt(parts[2])));
                    }
                }
            }
        }
        return all;
    }

    private static boolean ofThisBuild(Path file) {
        return file.getFileName().toString().startsWith(BUILD);
    }

    /** The answers other builds wrote are of other code: they are removed. */
    private static void forgetEarlierBuilds() {
        if (!Files.isDirectory(FOLDER)) {
            return;
        }
        try (var files = Files.list(FOLDER)) {
            for (Path file : files.filter(file -> !ofThisBuild(file)).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            System.err.println("could not clear the observed statuses: " + e);
        }
    }

    private static void write() {
        if (SEEN.isEmpty()) {
            return;
        }
        try {
            Files.createDirectories(FOLDER);
            var lines = SEEN.stream()
                    .map(o -> o.method() + "\t" + o.path() + "\t" + o.status())
                    .sorted()
                    .toList();
            Files.write(FOLDER.resolve(BUILD + ProcessHandle.current().pid() + ".tsv"), lines);
        } catch (IOException e) {
            System.err.println("could not write the observed statuses: " + e);
        }
    }

    /** The filter, registered in every test's Baton. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Recorder {
        @Bean
        FilterRegistrationBean<Filter> observedStatuses() {
            Filter filter = (request, response, chain) -> {
                try {
                    chain.doFilter(request, response);
                } finally {
                    if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse answer) {
                        SEEN.add(new Observed(http.getMethod(), http.getRequestURI(), answer.getStatus()));
                    }
                }
            };
            var registration = new FilterRegistrationBean<>(filter);
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            registration.setName("observedStatuses");
            return registration;
        }
    }
}
