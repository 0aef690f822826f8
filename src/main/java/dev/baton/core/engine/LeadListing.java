package dev.baton.core.engine;

import dev.baton.core.lifecycle.Stage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The port for reading every lead, a page at a time in id order, as exports list them. */
public interface LeadListing {

    /** One lead as a list shows it: where it stands, its score, its owner, its profile and its company's. */
    record Listed(
            long id,
            String email,
            Stage stage,
            Optional<Integer> score,
            Optional<String> owner,
            Map<String, String> profile,
            Map<String, String> company,
            Instant createdAt,
            Optional<Instant> qualifiedAt,
            Optional<Integer> qualifiedWith) {

        public Listed {
            profile = Map.copyOf(profile);
            company = Map.copyOf(company);
        }
    }

    /** Up to {@code size} leads with an id above {@code afterId}, in id order; fewer means the list is done. */
    List<Listed> page(long afterId, int size);
}
