package dev.baton.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.adapter.holidays.JollydayHolidays;
import dev.baton.adapter.yaml.AgreementYamlReader;
import dev.baton.core.engine.AgreementService;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

class ExternalDatabaseTest {

    @Test
    void withADatabaseUrlBatonUsesThatDatabaseAndStartsNoEmbeddedOne(@TempDir Path unusedDataDir) throws Exception {
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().start()) {
            String url = external.getJdbcUrl("postgres", "postgres");
            String source = Files.readString(Path.of("examples/agreements/it-services-emea.yaml"));
            try (ConfigurableApplicationContext baton = new SpringApplicationBuilder(BatonServer.class)
                    .properties(
                            "server.port=0",
                            "baton.database.url=" + url,
                            "baton.database.user=postgres",
                            "baton.database.password=",
                            "baton.data.dir=" + unusedDataDir,
                            "baton.api.token=external-test")
                    .run()) {
                var agreement = new AgreementYamlReader(new JollydayHolidays())
                        .read(source, "example")
                        .orThrow();
                baton.getBean(AgreementService.class).propose(agreement, source, "ines", Optional.empty());
            }

            try (Connection connection = external.getPostgresDatabase().getConnection();
                    ResultSet rows =
                            connection.createStatement().executeQuery("select author, source from agreement_version")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString("author")).isEqualTo("ines");
                assertThat(rows.getString("source")).isEqualTo(source);
            }
            assertThat(unusedDataDir.resolve("postgres")).doesNotExist();
        }
    }
}
