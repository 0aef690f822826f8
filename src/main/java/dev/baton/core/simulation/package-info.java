/**
 * Backtesting an agreement: the stored leads and their events replayed at their true times under a draft and under
 * the active version, set beside what really happened to those leads afterwards.
 */
@NullMarked
package dev.baton.core.simulation;

import org.jspecify.annotations.NullMarked;
