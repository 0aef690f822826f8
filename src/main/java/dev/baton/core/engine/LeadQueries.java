package dev.baton.core.engine;

import java.util.Optional;

/** The port for reading leads as the API shows them. */
public interface LeadQueries {

    Optional<LeadDetails> details(long id);

    Optional<Long> idOf(String email);
}
