/** The lead lifecycle: stages, the transition table, and the guarded steps between them. */
@NullMarked
package dev.baton.core.lifecycle;

import org.jspecify.annotations.NullMarked;
