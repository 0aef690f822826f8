package dev.baton.core.access;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The append-only audit trail: entries are added in the change's own transaction and never updated or deleted. */
public interface AuditLog {

    void append(
            Instant at,
            Actor actor,
            String action,
            String subject,
            Map<String, String> before,
            Map<String, String> after);

    List<AuditEntry> search(AuditEntry.Query query);
}
