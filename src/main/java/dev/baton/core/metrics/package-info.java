@NullMarked
package dev.baton.core.metrics;

import org.jspecify.annotations.NullMarked;
