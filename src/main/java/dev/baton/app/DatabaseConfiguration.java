package dev.baton.app;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one database: the PostgreSQL named by {@code BATON_DATABASE_URL}, or else an embedded PostgreSQL whose files
 * live in the data folder and survive restarts.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(BatonSettings settings) {
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
        EmbeddedPostgres postgres = startEmbedded(settings.data().dir());
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        return new EmbeddedBackedDataSource(config, postgres);
    }

    private static EmbeddedPostgres startEmbedded(Path dir) {
        try {
            Path pgdata = dir.toAbsolutePath().normalize().resolve("postgres");
            Files.createDirectories(pgdata.getParent());
            boolean existing = Files.exists(pgdata.resolve("PG_VERSION"));
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgdata)
                    .setCleanDataDirectory(false)
                    .start();
            log.info(
                    "{} embedded PostgreSQL in {} on port {}",
                    existing ? "Reopened" : "Created",
                    pgdata,
                    postgres.getPort());
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dir, e);
        }
    }

    /** A pool whose closing also stops the embedded server behind it. */
    static final class EmbeddedBackedDataSource extends HikariDataSource {
        private final EmbeddedPostgres postgres;

        EmbeddedBackedDataSource(HikariConfig config, EmbeddedPostgres postgres) {
            super(config);
            this.postgres = postgres;
        }

        @Override
        public void close() {
            super.close();
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
