/**
 * Who is acting and what they may do: users and their roles, API tokens and their scopes, the one access policy, the
 * sign-in lockout, and the append-only audit trail of every change.
 */
@NullMarked
package dev.baton.core.access;

import org.jspecify.annotations.NullMarked;
