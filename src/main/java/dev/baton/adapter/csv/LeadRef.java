package dev.baton.adapter.csv;

import dev.baton.core.lead.Email;
import java.util.Optional;

/** The lead a row is about: by Baton's lead id, or by email. */
record LeadRef(Optional<Long> id, Optional<Email> email) {

    static Optional<LeadRef> read(Row row) {
        Optional<Long> id = row.id("lead_id");
        Optional<Email> email = row.email("email");
        if (row.text("lead_id").isEmpty() && row.text("email").isEmpty()) {
            row.error(row.has("email") ? "email" : "lead_id", "the row needs an email or a lead_id");
        }
        return id.isPresent() || email.isPresent() ? Optional.of(new LeadRef(id, email)) : Optional.empty();
    }

    /** The same key for every row naming this lead the same way. */
    String key() {
        return id.map(i -> "#" + i).orElseGet(() -> email.orElseThrow().address());
    }
}
