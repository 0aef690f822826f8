package dev.baton.adapter.csv;

import dev.baton.core.lead.Email;
import java.util.Optional;

/** Finds the lead a row names, or creates one for an email, for the imports that act on existing leads. */
interface LeadDirectory {

    Optional<Long> idOf(Email email);

    /** Creates a lead with nothing but its email; returns its id. */
    long create(Email email);

    /** A lead found, and whether this import created it. */
    record Found(long id, boolean created) {}

    /** The lead's id; a lead id is taken as given (the use case refuses an unknown one). */
    default long existing(LeadRef ref) {
        if (ref.id().isPresent()) {
            return ref.id().get();
        }
        Email email = ref.email().orElseThrow();
        return idOf(email).orElseThrow(() -> new RowFailure("email", "there is no lead with email " + email));
    }

    default Found existingOrNew(LeadRef ref) {
        if (ref.id().isPresent()) {
            return new Found(ref.id().get(), false);
        }
        Email email = ref.email().orElseThrow();
        return idOf(email).map(id -> new Found(id, false)).orElseGet(() -> new Found(create(email), true));
    }
}
