/** The REST API under /api/v1: thin controllers, errors mapped to RFC 9457 problems in one place. */
@NullMarked
package dev.baton.adapter.api;

import org.jspecify.annotations.NullMarked;
