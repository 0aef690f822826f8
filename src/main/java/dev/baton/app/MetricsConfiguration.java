package dev.baton.app;

import dev.baton.adapter.metrics.MicrometerTelemetry;
import dev.baton.core.engine.ClockStore;
import dev.baton.core.engine.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Operational metrics, scraped at /actuator/prometheus (with the API token, as every endpoint but health). */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

    @Bean
    MicrometerTelemetry telemetry(MeterRegistry registry, Outbox outbox, ClockStore clocks, Clock clock) {
        return new MicrometerTelemetry(registry, outbox, clocks, clock);
    }
}
