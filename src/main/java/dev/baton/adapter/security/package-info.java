/**
 * The access check at the edge: Spring Security's filter chain with its strict firewall, the API token, and the
 * limit on request bodies — each deciding on the path the dispatcher will use.
 */
@NullMarked
package dev.baton.adapter.security;

import org.jspecify.annotations.NullMarked;
