package dev.baton.adapter.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.adapter.holidays.JollydayHolidays;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The reader on random text and on randomly broken copies of an example: it always answers with an agreement or
 * positioned problems, never with an exception. The generator is seeded, so every run checks the same cases and a
 * failure names the seed and the text.
 */
class AgreementReaderFuzzProperties {

    private static final List<String> LINES = read("examples/agreements/saas-north-america-europe.yaml");
    private static final String YAML_NOISE = ":-[]{}#&*!|>'\"%@`, \t\n?";

    private final AgreementYamlReader reader = new AgreementYamlReader(new JollydayHolidays());

    private static List<String> read(String file) {
        try {
            return Files.readString(Path.of(file)).lines().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void randomTextNeverEscapesAsAnException() {
        forAll(500, AgreementReaderFuzzProperties::noise);
    }

    @Test
    void brokenCopiesOfAnExampleNeverEscapeAsAnException() {
        forAll(1500, AgreementReaderFuzzProperties::mutant);
    }

    private void forAll(int tries, Function<Random, String> generator) {
        for (int seed = 0; seed < tries; seed++) {
            String text = generator.apply(new Random(seed));
            ReadResult result = reader.read(text, "fuzz");
            int lines = (int) text.lines().count() + 2;
            int drawn = seed;
            if (!result.isValid()) {
                assertThat(result.problems())
                        .as("seed %d, text:%n%s", drawn, text)
                        .isNotEmpty()
                        .allSatisfy(problem -> {
                            assertThat(problem.line()).isBetween(1, lines);
                            assertThat(problem.column()).isPositive();
                            assertThat(problem.message())
                                    .isNotBlank()
                                    .as("an exception inside the reader, caught by its last line of defence")
                                    .doesNotStartWith(AgreementYamlReader.INTERNAL_ERROR);
                        });
            }
        }
    }

    private static String noise(Random random) {
        int length = random.nextInt(200);
        var text = new StringBuilder();
        boolean anyCodePoint = random.nextInt(4) == 0;
        for (int i = 0; i < length; i++) {
            if (anyCodePoint) {
                text.appendCodePoint(random.nextInt(0x2FFFF));
            } else {
                int pick = random.nextInt(3);
                text.append(
                        pick == 0
                                ? YAML_NOISE.charAt(random.nextInt(YAML_NOISE.length()))
                                : pick == 1 ? (char) ('a' + random.nextInt(26)) : (char) ('0' + random.nextInt(10)));
            }
        }
        return text.toString();
    }

    private static String word(Random random) {
        var text = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            text.append(
                    random.nextBoolean()
                            ? YAML_NOISE.charAt(random.nextInt(YAML_NOISE.length()))
                            : (char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }

    /** The example with one to six mutations: lines deleted, repeated, cut, shifted, values and text replaced. */
    private static String mutant(Random random) {
        var lines = new ArrayList<>(LINES);
        for (int m = 1 + random.nextInt(6); m > 0 && !lines.isEmpty(); m--) {
            int at = random.nextInt(lines.size());
            String line = lines.get(at);
            switch (random.nextInt(6)) {
                case 0 -> lines.remove(at);
                case 1 -> lines.add(at, line);
                case 2 -> {
                    int column = random.nextInt(line.length() + 1);
                    lines.set(at, line.substring(0, column) + word(random) + line.substring(column));
                }
                case 3 -> {
                    int colon = line.indexOf(": ");
                    lines.set(at, colon < 0 ? word(random) : line.substring(0, colon + 2) + word(random));
                }
                case 4 -> lines.set(at, (random.nextBoolean() ? " " : "") + line.stripLeading());
                default -> lines.subList(at, lines.size()).clear();
            }
        }
        return String.join("\n", lines);
    }
}
