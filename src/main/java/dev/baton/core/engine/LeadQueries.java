package dev.baton.core.engine;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The port for reading leads as the API shows them. */
public interface LeadQueries {

    Optional<LeadDetails> details(long id);

    /** Several leads as {@link #details(long)} gives each, in no particular order; ids without a lead are left out. */
    default List<LeadDetails> details(Collection<Long> ids) {
        return ids.stream().flatMap(id -> details(id).stream()).toList();
    }

    Optional<Long> idOf(String email);
}
