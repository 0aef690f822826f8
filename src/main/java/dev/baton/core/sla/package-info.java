/**
 * The service-level clocks of the handoff: which lifecycle events start, meet and stop which clock, on whose business
 * calendar, and what falls due when (reminders, breaches, reassignments, unresponsive leads). Pure; the caller keeps
 * the clocks and acts on what they say.
 */
@NullMarked
package dev.baton.core.sla;

import org.jspecify.annotations.NullMarked;
