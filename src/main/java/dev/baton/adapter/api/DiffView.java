package dev.baton.adapter.api;

import dev.baton.core.agreement.AgreementDiff;
import java.util.List;
import java.util.Locale;

/** The differences between two versions as the API shows them. */
record DiffView(int from, int to, List<ChangeView> changes) {

    record ChangeView(
            String section, String clause, String kind, String attribute, String before, String after, String text) {}

    static DiffView of(int from, int to, AgreementDiff diff) {
        return new DiffView(
                from,
                to,
                diff.changes().stream()
                        .map(c -> new ChangeView(
                                c.section(),
                                c.clause(),
                                c.kind().name().toLowerCase(Locale.ROOT),
                                c.attribute(),
                                c.before(),
                                c.after(),
                                c.describe()))
                        .toList());
    }
}
