package dev.baton.core.engine;

import dev.baton.core.simulation.LeadHistory;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The port to the stored history a simulation replays: the leads, their events and what became of them. */
public interface SimulationHistory {

    /** The ids of the leads a simulation may replay, in id order. */
    long[] leadIds();

    /**
     * Those of these leads first seen before an instant (created, or an event or a qualification recorded), with their
     * events from before it and what really happened to them, in id order; only the
     * events of the given types, each with its properties only when its type says so (the rest with none).
     */
    List<LeadHistory> read(List<Long> ids, Instant before, Map<String, Boolean> types);
}
