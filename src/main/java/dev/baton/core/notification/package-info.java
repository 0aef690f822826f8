/**
 * Who is told what: the agreement's notification rules by kind of notice, role and channel kind, and the notices
 * they produce. Where a channel delivers (webhook URLs, SMTP, secrets) is a setting, never part of the agreement.
 */
@NullMarked
package dev.baton.core.notification;

import org.jspecify.annotations.NullMarked;
