/** The handoff packet: everything marketing knows about an MQL, for the rep who calls it. */
@NullMarked
package dev.baton.core.handoff;

import org.jspecify.annotations.NullMarked;
