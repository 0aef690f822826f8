package dev.baton.app;

import dev.baton.adapter.yaml.AgreementYamlReader;
import dev.baton.core.agreement.Agreement;
import dev.baton.core.agreement.Approval;
import dev.baton.core.engine.AgreementService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/** For {@code baton demo}: stores, signs and activates the example agreement on a fresh database. */
@Component
@ConditionalOnBooleanProperty("baton.demo")
class DemoSeeder implements ApplicationRunner {

    static final String EXAMPLE = "agreements/saas-north-america-europe.yaml";
    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

    private final AgreementService agreements;
    private final AgreementYamlReader reader;

    DemoSeeder(AgreementService agreements, AgreementYamlReader reader) {
        this.agreements = agreements;
        this.reader = reader;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!agreements.versions().isEmpty()) {
            log.info(
                    "Demo: the database already holds {} agreement version(s); leaving them as they are",
                    agreements.versions().size());
            return;
        }
        String source = example();
        Agreement agreement = reader.read(source, EXAMPLE).orThrow();
        int number = agreements
                .propose(agreement, source, "demo", Optional.of("the example agreement"))
                .number();
        agreements.approve(number, Approval.Side.MARKETING, "maria.lopez@northwind.example", Optional.empty());
        agreements.approve(number, Approval.Side.SALES, "sam.okafor@northwind.example", Optional.empty());
        agreements.activate(number, "demo");
        log.info("Demo: agreement version {} '{}' is signed and active", number, agreement.name());
    }

    private static String example() {
        try (InputStream in = DemoSeeder.class.getClassLoader().getResourceAsStream(EXAMPLE)) {
            if (in == null) {
                throw new IllegalStateException(EXAMPLE + " is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
