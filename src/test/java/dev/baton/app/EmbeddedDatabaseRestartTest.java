package dev.baton.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.adapter.holidays.JollydayHolidays;
import dev.baton.adapter.yaml.AgreementYamlReader;
import dev.baton.core.agreement.AgreementVersion;
import dev.baton.core.engine.AgreementService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

class EmbeddedDatabaseRestartTest {

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(BatonServer.class)
                .properties("server.port=0", "baton.data.dir=" + dataDir, "baton.api.token=restart-test")
                .run();
    }

    @Test
    void storedAgreementVersionsSurviveARestartOnTheSameDataFolder(@TempDir Path dataDir) throws IOException {
        String source = Files.readString(Path.of("examples/agreements/it-services-emea.yaml"));
        int stored;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            AgreementService agreements = first.getBean(AgreementService.class);
            var agreement = new AgreementYamlReader(new JollydayHolidays())
                    .read(source, "example")
                    .orThrow();
            stored = agreements
                    .propose(agreement, source, "ines", Optional.of("before restart"))
                    .number();
        }
        assertThat(dataDir.resolve("postgres/PG_VERSION")).exists();

        try (ConfigurableApplicationContext second = start(dataDir)) {
            AgreementVersion version = second.getBean(AgreementService.class).version(stored);

            assertThat(version.source()).isEqualTo(source);
            assertThat(version.author()).isEqualTo("ines");
            assertThat(version.note()).contains("before restart");
        }
    }
}
