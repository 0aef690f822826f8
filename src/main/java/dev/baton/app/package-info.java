/** Wiring: typed settings, the database, the object graph, the server commands. */
@NullMarked
package dev.baton.app;

import org.jspecify.annotations.NullMarked;
