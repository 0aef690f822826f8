/** Reads agreement files: YAML in, an {@code Agreement} or every problem with its line and column out. */
@NullMarked
package dev.baton.adapter.yaml;

import org.jspecify.annotations.NullMarked;
