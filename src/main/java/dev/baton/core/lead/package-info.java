@NullMarked
package dev.baton.core.lead;

import org.jspecify.annotations.NullMarked;
