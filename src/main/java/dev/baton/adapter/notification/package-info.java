/** Delivery of outbox notices: Slack incoming webhooks, email over SMTP, and signed outgoing webhooks. */
@NullMarked
package dev.baton.adapter.notification;

import org.jspecify.annotations.NullMarked;
