/** The demo's generated funnel: who arrives, when they engage, and what the reps do, planned from a seed. */
@NullMarked
package dev.baton.core.demo;

import org.jspecify.annotations.NullMarked;
