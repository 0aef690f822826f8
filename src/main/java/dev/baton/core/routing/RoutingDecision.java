package dev.baton.core.routing;

import java.util.List;
import java.util.Optional;

/** Where an MQL goes, and why — which rule matched on which values, who was next, who was skipped. */
public sealed interface RoutingDecision {

    String rule();

    String why();

    List<String> skipped();

    /** A rep owns the lead now. */
    record Assigned(String rep, Optional<String> team, String rule, String why, List<String> skipped)
            implements RoutingDecision {
        public Assigned {
            skipped = List.copyOf(skipped);
        }
    }

    /** Nobody could take it: the lead waits in a queue with an owner who must find someone. */
    record Unroutable(String queue, Optional<String> owner, String rule, String why, List<String> skipped)
            implements RoutingDecision {
        public Unroutable {
            skipped = List.copyOf(skipped);
        }
    }
}
