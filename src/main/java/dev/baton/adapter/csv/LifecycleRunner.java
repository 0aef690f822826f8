package dev.baton.adapter.csv;

import dev.baton.core.engine.LeadCommands;
import java.time.Instant;
import java.util.Optional;

/** Runs a lifecycle command on a lead as of a time (now when none is given), as the lead commands do. */
@FunctionalInterface
interface LifecycleRunner {

    void run(long leadId, Optional<Instant> at, String cause, LeadCommands.Command command);
}
