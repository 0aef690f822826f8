/** Personal data: what Baton holds about a person, erasing it, and how long engagement is kept. */
@NullMarked
package dev.baton.core.privacy;

import org.jspecify.annotations.NullMarked;
