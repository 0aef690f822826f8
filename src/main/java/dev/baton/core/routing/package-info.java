/** Who gets an MQL: ordered rules, weighted round-robin inside a team, and a fallback queue. */
@NullMarked
package dev.baton.core.routing;

import org.jspecify.annotations.NullMarked;
