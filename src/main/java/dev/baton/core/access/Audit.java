package dev.baton.core.access;

import dev.baton.core.engine.Transactions;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs a change and records it in the audit trail in the same transaction, with the subject's state before and after:
 * either both are kept or neither.
 */
public final class Audit {

    private final AuditLog log;
    private final Transactions transactions;
    private final Clock clock;

    public Audit(AuditLog log, Transactions transactions, Clock clock) {
        this.log = log;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Runs {@code change} on {@code subject} and records it, reading the state before it and after it. */
    public <T> T record(
            Actor actor,
            String action,
            String subject,
            Supplier<Map<String, String>> before,
            Supplier<T> change,
            Function<? super T, Map<String, String>> after) {
        return transactions.inTransaction(() -> {
            Map<String, String> was = before.get();
            T result = change.get();
            log.append(clock.instant(), actor, action, subject, was, after.apply(result));
            return result;
        });
    }

    /** Runs a change that creates its subject, and records it under the subject's name once it has one. */
    public <T> T created(
            Actor actor,
            String action,
            Supplier<T> change,
            Function<? super T, String> subject,
            Function<? super T, Map<String, String>> after) {
        return transactions.inTransaction(() -> {
            T result = change.get();
            log.append(clock.instant(), actor, action, subject.apply(result), Map.of(), after.apply(result));
            return result;
        });
    }

    /** Records a change the caller makes in its own transaction, whose subject was created by it (nothing before). */
    public void note(Actor actor, String action, String subject, Map<String, String> after) {
        transactions.inTransaction(() -> {
            log.append(clock.instant(), actor, action, subject, Map.of(), after);
            return null;
        });
    }

    public java.util.List<AuditEntry> search(AuditEntry.Query query) {
        return log.search(query);
    }
}
