/** Operational metrics with Micrometer, scraped at /actuator/prometheus. */
@NullMarked
package dev.baton.adapter.metrics;

import org.jspecify.annotations.NullMarked;
