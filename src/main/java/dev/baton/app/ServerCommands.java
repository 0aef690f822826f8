package dev.baton.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The commands that start the server: {@code serve}, and {@code demo} which also loads an example agreement. */
public final class ServerCommands {

    private static volatile boolean serving;

    private ServerCommands() {}

    /** Whether a command started the server, which then keeps the JVM running. */
    public static boolean isServing() {
        return serving;
    }

    /** The root command. */
    @Command(
            name = "baton",
            mixinStandardHelpOptions = true,
            versionProvider = Version.class,
            description = "Runs the marketing–sales agreement: scoring, lifecycle, routing, SLAs, one shared funnel.")
    public static final class Baton implements Runnable {
        @Override
        public void run() {
            // a subcommand always runs; main() picks serve when none is given
        }
    }

    /** Common server options. */
    abstract static class ServerOptions implements Callable<Integer> {
        @Option(names = "--port", description = "HTTP port (default ${DEFAULT-VALUE})", defaultValue = "8080")
        int port;

        @Option(
                names = "--data-dir",
                description = "folder of the embedded database when BATON_DATABASE_URL is not set"
                        + " (default: BATON_DATA_DIR or ./baton-data)")
        @Nullable
        Path dataDir;

        List<String> springArguments() {
            var args = new ArrayList<String>();
            args.add("--server.port=" + port);
            if (dataDir != null) {
                args.add("--baton.data.dir=" + dataDir);
            }
            return args;
        }

        Integer start(List<String> args) {
            serving = true;
            try {
                var application = new SpringApplication(BatonServer.class);
                // links in notices and the printed sign-in address follow --port unless the environment says otherwise
                application.setDefaultProperties(
                        java.util.Map.of("baton.notifications.base-url", "http://localhost:" + port));
                application.run(args.toArray(String[]::new));
                return 0;
            } catch (RuntimeException failedToStart) {
                // Spring Boot has reported why, with a failure analysis where it has one
                serving = false;
                return 1;
            }
        }
    }

    /** {@code baton serve}. */
    @Command(name = "serve", description = "Start Baton (the default command).")
    public static final class Serve extends ServerOptions {
        @Override
        public Integer call() {
            return start(springArguments());
        }
    }

    /** {@code baton demo}. */
    @Command(
            name = "demo",
            description = "Start Baton on the embedded database with the example agreement signed and active, months of"
                    + " generated funnel and demo users of each role.")
    public static final class Demo extends ServerOptions {
        @Override
        public Integer call() {
            List<String> args = springArguments();
            args.add("--baton.demo=true");
            return start(args);
        }
    }

    /** The version from the jar's manifest. */
    static final class Version implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = BatonServer.class.getPackage().getImplementationVersion();
            return new String[] {"baton " + (version == null ? "(development)" : version)};
        }
    }
}
