package dev.baton.core.engine;

import dev.baton.core.agreement.Agreement;
import dev.baton.core.agreement.AgreementDiff;
import dev.baton.core.agreement.AgreementVersion;
import dev.baton.core.agreement.Approval;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Stores agreement versions, records sign-offs, activates a version once both sides signed (starting the rescoring of
 * every open lead against it), and diffs versions.
 */
public final class AgreementService {

    private final AgreementVersions versions;
    private final AgreementParser parser;
    private final Transactions transactions;
    private final Clock clock;
    private final RescoreJobs rescoring;
    private final RosterStore roster;
    private final NoticeWriter notices;

    public AgreementService(
            AgreementVersions versions,
            AgreementParser parser,
            Transactions transactions,
            Clock clock,
            RescoreJobs rescoring,
            RosterStore roster,
            NoticeWriter notices) {
        this.notices = notices;
        this.versions = versions;
        this.rescoring = rescoring;
        this.roster = roster;
        this.parser = parser;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Stores a validated agreement as a new draft version. */
    public AgreementVersion propose(Agreement agreement, String source, String author, Optional<String> note) {
        return transactions.inTransaction(() -> {
            int number = versions.add(agreement.name(), source, author, clock.instant(), note);
            return versions.find(number).orElseThrow();
        });
    }

    public AgreementVersion version(int number) {
        return versions.find(number).orElseThrow(() -> notFound(number));
    }

    public List<AgreementVersion> versions() {
        return versions.all();
    }

    public Optional<AgreementVersion> active() {
        return versions.active();
    }

    public AgreementVersion approve(int number, Approval.Side side, String approver, Optional<String> comment) {
        return transactions.inTransaction(() -> {
            AgreementVersion version = versions.lock(number).orElseThrow(() -> notFound(number));
            version.refuseApproval(side, approver).ifPresent(reason -> {
                throw new BatonException.Conflict(reason);
            });
            versions.approve(number, new Approval(side, approver, clock.instant(), comment));
            return versions.find(number).orElseThrow();
        });
    }

    public AgreementVersion activate(int number, String actor) {
        return transactions.inTransaction(() -> {
            AgreementVersion version = versions.lock(number).orElseThrow(() -> notFound(number));
            version.refuseActivation().ifPresent(reason -> {
                throw new BatonException.Conflict(reason);
            });
            Optional<Integer> before = versions.activeNumber();
            versions.activate(number, actor, clock.instant());
            Agreement agreement = parser.parse(version.source());
            roster.sync(agreement.teams(), clock.instant());
            rescoring.start(number, clock.instant());
            notices.activated(
                    number,
                    agreement,
                    actor,
                    before.filter(previous -> previous != number)
                            .map(previous -> AgreementDiff.between(agreement(previous), agreement)));
            return versions.find(number).orElseThrow();
        });
    }

    public AgreementDiff diff(int from, int to) {
        return AgreementDiff.between(agreement(from), agreement(to));
    }

    public Agreement agreement(int number) {
        return parser.parse(version(number).source());
    }

    private static BatonException.NotFound notFound(int number) {
        return new BatonException.NotFound("there is no agreement version " + number);
    }
}
