package dev.baton.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class CheckCommandTest {

    private static final Path BROKEN = Path.of("src/test/resources/broken");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int check(String... files) {
        return new CommandLine(new CheckCommand())
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute(files);
    }

    @Test
    void exampleAgreementsAreValid() throws IOException {
        List<String> examples;
        try (Stream<Path> files = Files.list(Path.of("examples/agreements"))) {
            examples = files.map(Path::toString)
                    .filter(f -> f.endsWith(".yaml"))
                    .sorted()
                    .toList();
        }
        assertThat(examples).hasSizeGreaterThanOrEqualTo(2);

        assertThat(check(examples.toArray(String[]::new))).isZero();
        assertThat(out.toString().lines()).hasSize(examples.size()).allMatch(line -> line.contains(": ok — "));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
                    empty;                    1:1 the file is empty
                    only-comments;            1:1 the file is empty
                    not-a-mapping;            1:1 expected a mapping of keys to values, found a list
                    syntax-bad-indentation;   11:4 YAML syntax error
                    syntax-unclosed-quote;    23:13 YAML syntax error|that starts at line 15
                    syntax-tab;               14:1 cannot start any token
                    unknown-key;              15:5 fit[1].points: is required but missing|18:5 unknown key 'pionts' — did you mean 'points'?
                    unknown-section;          1:1 intent: is required but missing|19:1 unknown key 'intnet' — did you mean 'intent'?
                    missing-section;          1:1 mql: is required but missing|31:1 unknown key 'mql_rule'
                    wrong-type;               14:13 fit[0].points: must be a whole number from 1 to 1000, not 'fifteen'
                    bad-duration;             26:13 intent[0].window: '30 dayz' is not a duration
                    duplicate-sales-source;   69:38 attribution.sales-sources[2]: 'outbound' is listed twice
                    business-target;          69:14 targets[1].at-most: a target time is measured on the wall clock
                    min-above-max;            12:10 fit[0].min: min 600 is above max 500
                    threshold-out-of-range;   32:14 mql.threshold: must be a whole number from 0 to 1000, not '1200'
                    cap-below-points;         25:10 intent[0].cap: the cap 5 is below the 10 points
                    undefined-team;           57:13 no team named 'na-midmarket' is defined — did you mean 'na-mid-market'?
                    undefined-rep;            57:12 no rep named 'alexa@acme.example' is defined — did you mean 'alex@acme.example'?
                    undefined-signal;         36:10 no intent rule named 'pricing-pge' is defined — did you mean 'pricing-page'?
                    undefined-reason-code;    66:13 no reason code named 'NO_RESPONSE' is defined (defined: NOT_ICP, NO_BUDGET)
                    undefined-role;           63:16 no role (or 'manager') named 'head-of-sale' is defined
                    duplicate-rule-name;      15:11 the scoring rule 'company-size' is already defined at fit[0].name
                    duplicate-reason-code;    42:11 the reason code 'NOT_ICP' is already defined
                    duplicate-key;            13:5 fit[0]: 'min' is given twice
                    bad-regex;                17:14 fit[1].matches: the pattern '\\b(VP|Director\\b' does not compile: Unclosed group
                    bad-timezone;             3:13 'America/NewYork' is not a timezone — did you mean 'America/New_York'?
                    bad-holiday-region;       8:14 calendar.holidays.country: 'US-NYC' is not a holiday region|did you mean 'US-NC' or 'US-NY'?
                    unknown-holiday-country;  8:14 calendar.holidays.country: 'XX' is not a holiday region
                    overlapping-split-day;    5:13 calendar.hours.monday: 09:00-13:00 and 12:00-17:00 overlap
                    bad-notifications;        73:28 notifications[1].notify[2]: no role (or 'rep' or 'manager') named 'head-of-sale' is defined — did you mean 'head-of-sales'?|74:18 notifications[1].via[1]: no kind of channel named 'pager' is defined (defined: slack, email, webhook)|75:10 notifications[2].on[0]: no kind of notice named 'escalated' is defined
                    span-too-long;            62:23 sla.first-touch-within: '999999 business weeks' is longer than ten years
                    bad-half-day;             10:7 calendar.holidays.half-days.2026-12-32: '2026-12-32' is not a date|11:19 calendar.holidays.half-days.2026-12-31: 'closed' is not opening hours
                    bad-field;                16:12 unknown field 'lead.job_title' — did you mean 'lead.title'?
                    recycle-without-cool-off; 42:5 a recycle reason needs a 'cool-off'|45:5 unknown key 'label2'
                    percent-for-a-count;      66:15 targets[0].at-least: '100%' is not a whole number
                    """)
    void brokenAgreementIsRefusedWithEveryProblemAtItsPosition(String name, String expected) {
        String file = BROKEN.resolve(name + ".yaml").toString();

        int exit = check(file);

        assertThat(exit).as(out.toString()).isEqualTo(1);
        List<String> expectations = Arrays.asList(expected.split("\\|"));
        List<String> lines = out.toString().lines().toList();
        long positioned =
                expectations.stream().filter(e -> e.matches("\\d+:\\d+ .*")).count();
        assertThat(lines).as("one line per problem").hasSize((int) positioned);
        for (String expectation : expectations) {
            String text = expectation.matches("\\d+:\\d+ .*")
                    ? file + ":" + expectation.substring(0, expectation.indexOf(' ')) + ": "
                    : "";
            String fragment =
                    expectation.substring(expectation.indexOf(' ') + 1).replace("\\\\", "\\");
            assertThat(lines)
                    .as("expected %s in%n%s", expectation, out)
                    .anySatisfy(line -> assertThat(line)
                            .startsWith(text.isEmpty() ? file : text)
                            .contains(text.isEmpty() ? expectation : fragment));
        }
    }

    @Test
    void unreadableFileExitsWithTwo(@TempDir Path dir) {
        int exit = check(dir.resolve("missing.yaml").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("missing.yaml: cannot read: no such file");
    }

    @Test
    void unreadableFileWinsOverInvalidOne(@TempDir Path dir) {
        int exit = check(
                BROKEN.resolve("empty.yaml").toString(),
                dir.resolve("missing.yaml").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(out.toString()).contains("empty.yaml:1:1:");
    }

    @Test
    void fileThatIsNotUtf8IsUnreadable(@TempDir Path dir) throws IOException {
        Path binary = dir.resolve("agreement.yaml");
        Files.write(binary, new byte[] {(byte) 0xC3, (byte) 0x28, 0x0A});

        assertThat(check(binary.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("not UTF-8");
    }
}
