/**
 * The funnel as both teams count it: one row per handoff cycle of a lead — when it qualified, when it was accepted,
 * became an SQL, an opportunity, was won, lost, rejected or sent back, who held it and where it came from — kept from
 * the lead's events as they are written. The metrics are computed from these rows, never from a lead's current stage.
 */
@NullMarked
package dev.baton.core.funnel;

import org.jspecify.annotations.NullMarked;
