/**
 * The command line: checking and diffing agreement files without a server, importing and exporting CSV through a
 * running one, and converting other systems' exports into Baton's CSV formats.
 */
@NullMarked
package dev.baton.adapter.cli;

import org.jspecify.annotations.NullMarked;
