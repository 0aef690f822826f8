@NullMarked
package dev.baton.core.agreement;

import org.jspecify.annotations.NullMarked;
