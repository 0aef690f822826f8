package dev.baton.adapter.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class AgreementReaderFuzzProperties {

    private static final String EXAMPLE = read("examples/agreements/saas-north-america-europe.yaml");
    private static final List<String> LINES = EXAMPLE.lines().toList();
    private static final String YAML_NOISE = ":-[]{}#&*!|>'\"%@`, \t\n?";

    private final AgreementYamlReader reader = new AgreementYamlReader();

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Property(tries = 300)
    void randomTextNeverEscapesAsAnException(@ForAll("noise") String text) {
        assertWellFormed(reader.read(text, "random"), text);
    }

    @Property(tries = 500)
    void mutatedExampleNeverEscapesAsAnException(@ForAll("mutants") String text) {
        assertWellFormed(reader.read(text, "mutant"), text);
    }

    private static void assertWellFormed(ReadResult result, String text) {
        int lines = (int) text.lines().count() + 2;
        if (!result.isValid()) {
            assertThat(result.problems()).isNotEmpty().allSatisfy(problem -> {
                assertThat(problem.line()).isBetween(1, lines);
                assertThat(problem.column()).isPositive();
                assertThat(problem.message())
                        .isNotBlank()
                        .as("an exception inside the reader, caught by its last line of defence")
                        .doesNotStartWith(AgreementYamlReader.INTERNAL_ERROR);
            });
        }
    }

    @Provide
    Arbitrary<String> noise() {
        Arbitrary<String> chars = Arbitraries.strings()
                .withChars(YAML_NOISE)
                .withCharRange('a', 'z')
                .withCharRange('0', '9')
                .ofMaxLength(200);
        Arbitrary<String> unicode = Arbitraries.strings().all().ofMaxLength(100);
        return Arbitraries.oneOf(chars, unicode);
    }

    @Provide
    Arbitrary<String> mutants() {
        Arbitrary<Integer> line = Arbitraries.integers().between(0, LINES.size() - 1);
        Arbitrary<String> noise = Arbitraries.strings()
                .withChars(YAML_NOISE)
                .withCharRange('a', 'z')
                .ofMaxLength(12);
        Arbitrary<Mutation> mutation = Combinators.combine(
                        Arbitraries.of(Kind.values()),
                        line,
                        noise,
                        Arbitraries.integers().between(0, 80))
                .as(Mutation::new);
        return mutation.list().ofMinSize(1).ofMaxSize(6).map(AgreementReaderFuzzProperties::apply);
    }

    enum Kind {
        DELETE_LINE,
        DUPLICATE_LINE,
        INSERT_NOISE,
        REPLACE_VALUE,
        SHIFT_INDENT,
        TRUNCATE
    }

    record Mutation(Kind kind, int line, String noise, int column) {}

    private static String apply(List<Mutation> mutations) {
        var lines = new ArrayList<>(LINES);
        for (Mutation m : mutations) {
            if (lines.isEmpty()) {
                break;
            }
            int at = m.line() % lines.size();
            String text = lines.get(at);
            switch (m.kind()) {
                case DELETE_LINE -> lines.remove(at);
                case DUPLICATE_LINE -> lines.add(at, text);
                case INSERT_NOISE -> {
                    int col = Math.min(m.column(), text.length());
                    lines.set(at, text.substring(0, col) + m.noise() + text.substring(col));
                }
                case REPLACE_VALUE -> {
                    int colon = text.indexOf(": ");
                    lines.set(at, colon < 0 ? m.noise() : text.substring(0, colon + 2) + m.noise());
                }
                case SHIFT_INDENT -> lines.set(at, (m.column() % 2 == 0 ? " " : "") + text.stripLeading());
                case TRUNCATE -> lines.subList(at, lines.size()).clear();
            }
        }
        return String.join("\n", lines);
    }
}
