/** The use cases of Baton and the ports they need from the outside world. */
@NullMarked
package dev.baton.core.engine;

import org.jspecify.annotations.NullMarked;
