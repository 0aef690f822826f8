/**
 * CSV in and out: imports that stream rows onto the core's use cases with per-row errors, the lead export, and
 * converters from other systems' exports into Baton's formats.
 */
@NullMarked
package dev.baton.adapter.csv;

import org.jspecify.annotations.NullMarked;
