@NullMarked
package dev.baton.core.scoring;

import org.jspecify.annotations.NullMarked;
