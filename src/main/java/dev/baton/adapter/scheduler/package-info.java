/** Background work: the rescoring worker. */
@NullMarked
package dev.baton.adapter.scheduler;

import org.jspecify.annotations.NullMarked;
