package dev.baton.core.engine;

import dev.baton.core.lead.RawEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit for event batches: batches sent at the same time are stored and scored together, in one transaction,
 * by at most {@code writers} callers at once — each caller still gets its own results, and only after the transaction
 * that stored its events has committed. A hundred clients sending one event each then cost the database a few
 * transactions instead of a hundred, and concurrent transactions no longer queue on one another's lead locks.
 *
 * <p>There is no thread of its own: a caller that finds a writer's place free takes the batches waiting (its own among
 * them, or others' first) and writes them; the others wait for their results. When a group fails — one batch names a
 * lead that does not exist, say — each of its batches is written again alone, so that a bad batch fails only itself.
 */
public final class IngestQueue {

    /** What writes a group: {@link LeadIntake#ingest}, in one transaction. */
    @FunctionalInterface
    public interface Writer {
        List<LeadIntake.EventResult> write(List<RawEvent> events, String actor);
    }

    private final Writer intake;
    private final int writers;
    private final int maxGroupEvents;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Deque<Pending> waiting = new ArrayDeque<>();
    private int writing;

    public IngestQueue(Writer intake, int writers, int maxGroupEvents) {
        if (writers < 1 || maxGroupEvents < 1) {
            throw new IllegalArgumentException("an ingest queue needs at least one writer and one event per group");
        }
        this.intake = intake;
        this.writers = writers;
        this.maxGroupEvents = maxGroupEvents;
    }

    /** Stores the batch, with whatever batches arrive meanwhile; returns when it is committed (or has failed). */
    public List<LeadIntake.EventResult> ingest(List<RawEvent> batch, String actor) {
        var mine = new Pending(batch, actor);
        lock.lock();
        try {
            waiting.addLast(mine);
            while (!mine.finished) {
                if (writing < writers && !waiting.isEmpty()) {
                    List<Pending> group = takeGroup();
                    writing++;
                    lock.unlock();
                    try {
                        write(group);
                    } finally {
                        lock.lock();
                        writing--;
                        changed.signalAll();
                    }
                } else {
                    changed.awaitUninterruptibly();
                }
            }
        } finally {
            lock.unlock();
        }
        return mine.result();
    }

    /** How many batches wait for a writer. */
    int waiting() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }

    /** The oldest waiting batch and those after it by the same actor, up to the group's size; under the lock. */
    private List<Pending> takeGroup() {
        var group = new ArrayList<Pending>();
        Pending first = waiting.pollFirst();
        group.add(first);
        int events = first.batch.size();
        var others = waiting.iterator();
        while (others.hasNext()) {
            Pending next = others.next();
            if (next.actor.equals(first.actor) && events + next.batch.size() <= maxGroupEvents) {
                others.remove();
                group.add(next);
                events += next.batch.size();
            }
        }
        return group;
    }

    private void write(List<Pending> group) {
        if (group.size() == 1) {
            writeAlone(group.get(0));
            return;
        }
        var events = new ArrayList<RawEvent>();
        group.forEach(pending -> events.addAll(pending.batch));
        List<LeadIntake.EventResult> results;
        try {
            results = intake.write(events, group.get(0).actor);
        } catch (RuntimeException | Error groupFailed) {
            // an Error too (a StackOverflowError from a pathological pattern, say): the group's other callers are
            // waiting for their results, and must get them
            group.forEach(this::writeAlone);
            return;
        }
        int from = 0;
        for (Pending pending : group) {
            pending.succeed(results.subList(from, from + pending.batch.size()));
            from += pending.batch.size();
        }
    }

    private void writeAlone(Pending pending) {
        try {
            pending.succeed(intake.write(pending.batch, pending.actor));
        } catch (RuntimeException | Error failed) {
            pending.fail(failed);
        }
    }

    /** A caller's batch and, once written, its results or its failure. Fields are read and written under the lock. */
    private final class Pending {
        private final List<RawEvent> batch;
        private final String actor;
        private boolean finished;
        private List<LeadIntake.EventResult> results;
        private Throwable failure;

        Pending(List<RawEvent> batch, String actor) {
            this.batch = batch;
            this.actor = actor;
        }

        void succeed(List<LeadIntake.EventResult> results) {
            finish(List.copyOf(results), null);
        }

        void fail(Throwable failure) {
            finish(null, failure);
        }

        private void finish(List<LeadIntake.EventResult> results, Throwable failure) {
            lock.lock();
            try {
                this.results = results;
                this.failure = failure;
                this.finished = true;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        /** The results, or the caller's own failure rethrown in the caller's thread. */
        List<LeadIntake.EventResult> result() {
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            return results;
        }
    }
}
