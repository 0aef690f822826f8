package dev.baton.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The benchmark's results as Markdown tables: each number next to its target, and where the CPU time went. */
final class Report {

    private final List<String> results = new ArrayList<>();
    private final List<String> cpu = new ArrayList<>();

    /** A result that must reach a floor. */
    void atLeast(String metric, String value, double measured, double floor, String target) {
        double ratio = measured / floor;
        results.add(row(metric, value, target, format(ratio, 2) + "× — " + (ratio >= 1 ? "met" : "missed")));
    }

    /** A result that must stay under a ceiling. */
    void atMost(String metric, String value, double measured, double ceiling, String target) {
        double ratio = measured / ceiling;
        results.add(row(metric, value, target, format(ratio, 2) + "× the limit — " + (ratio <= 1 ? "met" : "missed")));
    }

    /** A result without a target of its own. */
    void info(String metric, String value, String comment) {
        results.add(row(metric, value, "—", comment));
    }

    /** How busy Baton, its PostgreSQL and this client were during a phase. */
    void cpu(String phase, ProcessMeter.Cpu used, long events) {
        double wall = used.wallSeconds();
        cpu.add(row(
                phase,
                format(wall, 1),
                format(used.baton(), 1) + " (" + format(used.baton() / wall, 2) + ")",
                format(used.jit(), 1),
                format(used.postgres(), 1) + " (" + format(used.postgres() / wall, 2) + ")",
                format(used.client(), 1) + " (" + format(used.client() / wall, 2) + ")",
                format(used.others(), 1) + " (" + format(used.others() / wall, 2) + ")",
                events == 0 ? "—" : format(1e6 * used.baton() / events, 0),
                events == 0 ? "—" : format(1e6 * used.postgres() / events, 0)));
    }

    String markdown() {
        String figures =
                "| metric | value | target | ratio / verdict |\n|---|---|---|---|\n" + String.join("\n", results);
        if (cpu.isEmpty()) {
            return figures + "\n";
        }
        return figures
                + "\n\nCPU seconds per phase (in brackets: cores busy on average; the machine has 2)\n\n"
                + "| phase | wall s | Baton | Baton's JIT compilers (wall s) | PostgreSQL | client | other processes"
                + " | Baton µs/event | PostgreSQL µs/event |\n|---|---|---|---|---|---|---|---|---|\n"
                + String.join("\n", cpu) + "\n";
    }

    static String format(double value, int decimals) {
        return String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }

    static String mib(long bytes) {
        return format(bytes / 1048576.0, 0) + " MiB";
    }

    private static String row(String... cells) {
        return "| " + String.join(" | ", cells) + " |";
    }
}
