/**
 * A lead's history as one sealed family of past-tense events: what scoring, the lifecycle, routing, reps and the
 * service-level clocks did to it. The clocks and the outbox react to these events; the store writes them, in one
 * place, as the lines of the lead's timeline.
 */
@NullMarked
package dev.baton.core.timeline;

import org.jspecify.annotations.NullMarked;
