/** The command line: checking and diffing agreement files without a server. */
@NullMarked
package dev.baton.adapter.cli;

import org.jspecify.annotations.NullMarked;
