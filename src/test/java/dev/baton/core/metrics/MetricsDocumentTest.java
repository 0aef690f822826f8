package dev.baton.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/metrics.md is the definitions as the code holds them; {@code -Ddocs.write=true} writes it anew. */
class MetricsDocumentTest {

    private static final Path PAGE = Path.of("docs/metrics.md");

    @Test
    void theMetricsPageIsGeneratedFromTheDefinitions() throws IOException {
        if (Boolean.getBoolean("docs.write")) {
            Files.writeString(PAGE, MetricsMarkdown.page());
        }
        assertThat(Files.readString(PAGE))
                .as("docs/metrics.md is out of date: run mvn test -Dtest=MetricsDocumentTest -Ddocs.write=true")
                .isEqualTo(MetricsMarkdown.page());
    }

    @Test
    void everyMetricHasADefinitionAndATitle() {
        for (Metric metric : Metric.values()) {
            assertThat(metric.title()).isNotBlank();
            assertThat(metric.definition()).endsWith(".");
            assertThat(MetricText.denominator(metric)).isNotBlank();
        }
    }
}
