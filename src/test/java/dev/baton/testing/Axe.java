package dev.baton.testing;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/** The accessibility check: the vendored axe-core (src/test/resources/axe, MPL-2.0), run inside the page. */
public final class Axe {

    /** One rule the page breaks, where, and how to mend it. */
    public record Violation(String id, String impact, String help, List<String> targets) {
        @Override
        public String toString() {
            return id + " (" + impact + "): " + help + " at " + String.join(", ", targets);
        }
    }

    private static final String SOURCE = read("/axe/axe.min.js");

    /**
     * Only serious and critical ones count: moderate and minor findings are worth reading but not worth failing a build
     * over.
     */
    private static final String RUN = """
            async () => {
              const results = await axe.run(document, { resultTypes: ['violations'] });
              return JSON.stringify(results.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => ({ id: v.id, impact: v.impact, help: v.help,
                             targets: v.nodes.map(n => n.target.map(String).join(' ')) })));
            }
            """;

    private Axe() {}

    public static List<Violation> seriousViolations(Page page) {
        // evaluated through the browser's debugging protocol, which the page's Content-Security-Policy does not govern,
        // where a script tag with axe inline would be refused
        if (page.evaluate("() => typeof window.axe === 'undefined'").equals(Boolean.TRUE)) {
            page.evaluate(SOURCE);
        }
        JsonNode found = IntegrationTest.JSON.readTree((String) page.evaluate(RUN));
        return StreamSupport.stream(found.spliterator(), false)
                .map(v -> new Violation(
                        v.get("id").asString(),
                        v.get("impact").asString(),
                        v.get("help").asString(),
                        StreamSupport.stream(v.get("targets").spliterator(), false)
                                .map(JsonNode::asString)
                                .toList()))
                .toList();
    }

    private static String read(String resource) {
        try (InputStream in = Axe.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
