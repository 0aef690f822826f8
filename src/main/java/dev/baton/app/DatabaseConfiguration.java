package dev.baton.app;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one database: the PostgreSQL named by {@code BATON_DATABASE_URL}, or else an embedded PostgreSQL whose files
 * live in the data folder and survive restarts.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);
    private static final long STOP_SECONDS = 60;

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(BatonSettings settings, ObjectProvider<DataFolderLock> dataFolderLock) {
        var config = new HikariConfig();
        config.setPoolName("baton");
        config.setMaximumPoolSize(10);
        if (settings.database().external()) {
            config.setJdbcUrl(settings.database().url());
            config.setUsername(settings.database().user());
            config.setPassword(settings.database().password());
            log.info("Using PostgreSQL at {}", settings.database().url());
            return new HikariDataSource(config);
        }
        Path folder = DataFolderLocking.folderOf(settings);
        DataFolderLock lock = dataFolderLock.getIfAvailable(() -> DataFolderLock.take(folder));
        EmbeddedPostgres postgres;
        try {
            postgres = startEmbedded(folder);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        try {
            return new EmbeddedBackedDataSource(config, postgres, lock);
        } catch (RuntimeException e) {
            stop(postgres);
            lock.close();
            throw e;
        }
    }

    private static void stop(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Could not stop the embedded PostgreSQL: {}", e.toString());
        }
    }

    private static EmbeddedPostgres startEmbedded(Path folder) {
        try {
            Path pgdata = folder.resolve("postgres");
            boolean existing = Files.exists(pgdata.resolve("PG_VERSION"));
            stopLeftoverServer(pgdata);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgdata)
                    .setCleanDataDirectory(false)
                    // zonky starts PostgreSQL with -F (fsync off) and synchronous_commit off, as throwaway test
                    // databases can afford; an acknowledged write must be on disk and survive an operating-system crash
                    .setServerConfig("fsync", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .start();
            log.info(
                    "{} embedded PostgreSQL in {} on port {}",
                    existing ? "Reopened" : "Created",
                    pgdata,
                    postgres.getPort());
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + folder, e);
        }
    }

    /**
     * A Baton killed without warning (kill -9, the OOM killer) leaves its PostgreSQL running and holding the data
     * folder; shut that server down so this one can start. Only a server whose Baton is gone gets here: this Baton
     * holds the folder's lock, which a live Baton would still hold. A pid file naming a process that is gone is left
     * to PostgreSQL, which recovers from it on start.
     */
    private static void stopLeftoverServer(Path pgdata) throws IOException {
        Optional<ProcessHandle> leftover = leftoverServer(pgdata);
        if (leftover.isEmpty()) {
            return;
        }
        ProcessHandle postmaster = leftover.get();
        log.warn(
                "PostgreSQL (pid {}) of an earlier Baton still runs in {}; shutting it down", postmaster.pid(), pgdata);
        // SIGTERM is PostgreSQL's smart shutdown: the dead Baton's sessions are gone, so it ends as soon as it has
        // written a checkpoint
        postmaster.destroy();
        try {
            postmaster.onExit().get(STOP_SECONDS, TimeUnit.SECONDS);
            log.info("The earlier PostgreSQL (pid {}) has shut down", postmaster.pid());
        } catch (TimeoutException | ExecutionException e) {
            throw new IOException(
                    "PostgreSQL (pid " + postmaster.pid() + ") in " + pgdata + " did not shut down within "
                            + STOP_SECONDS + " s; stop it and start Baton again",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while PostgreSQL (pid " + postmaster.pid() + ") shut down", e);
        }
    }

    /** The live postmaster that the data folder's pid file names, if it really is a server of this folder. */
    private static Optional<ProcessHandle> leftoverServer(Path pgdata) throws IOException {
        Path pidFile = pgdata.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || !lines.get(0).strip().matches("\\d+")) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(lines.get(0).strip())).filter(process -> isServerOf(process, pgdata));
    }

    // a pid file can outlive a reboot and its pid be reused: act only on a postgres started on this very folder
    private static boolean isServerOf(ProcessHandle process, Path pgdata) {
        ProcessHandle.Info info = process.info();
        boolean postgres = info.command()
                .map(command -> Path.of(command).getFileName().toString().startsWith("postgres"))
                .orElse(false);
        return postgres
                && info.arguments()
                        .map(arguments -> List.of(arguments).contains(pgdata.toString()))
                        .orElse(false);
    }

    /** A pool whose closing also stops the embedded server behind it, and then lets go of the data folder. */
    static final class EmbeddedBackedDataSource extends HikariDataSource {
        private final EmbeddedPostgres postgres;
        private final DataFolderLock lock;

        EmbeddedBackedDataSource(HikariConfig config, EmbeddedPostgres postgres, DataFolderLock lock) {
            super(config);
            this.postgres = postgres;
            this.lock = lock;
        }

        @Override
        public void close() {
            try {
                super.close();
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                lock.close();
            }
        }
    }
}
