/** The funnel audit: what the data every figure rests on lacks or gets wrong, and what each defect puts at risk. */
@NullMarked
package dev.baton.core.audit;

import org.jspecify.annotations.NullMarked;
