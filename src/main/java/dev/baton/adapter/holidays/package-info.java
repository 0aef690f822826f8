/** Public holidays by country and subdivision, from the jollyday holiday library. */
@NullMarked
package dev.baton.adapter.holidays;

import org.jspecify.annotations.NullMarked;
