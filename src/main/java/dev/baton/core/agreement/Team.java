package dev.baton.core.agreement;

import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/** A sales team: its manager, its working timezone and its reps. */
public record Team(String name, String manager, Optional<ZoneId> timezone, List<Rep> reps) implements Clause {

    /**
     * A rep in a team: weight in the round-robin, a cap on open MQLs, an optional Slack id, and a timezone of their own
     * when they do not work in the team's.
     */
    public record Rep(
            String email, int weight, OptionalInt capacity, Optional<String> slack, Optional<ZoneId> timezone) {
        public Rep {
            Names.requireEmail(email);
            if (weight < 1 || weight > 100) {
                throw new IllegalArgumentException("rep " + email + ": weight must be 1..100");
            }
            if (capacity.isPresent() && capacity.getAsInt() < 1) {
                throw new IllegalArgumentException("rep " + email + ": capacity must be 1 or more");
            }
        }

        String describe() {
            return email + " (weight " + weight + (capacity.isPresent() ? ", capacity " + capacity.getAsInt() : "")
                    + timezone.map(zone -> ", in " + zone.getId()).orElse("") + ")";
        }
    }

    public Team {
        Names.requireName(name);
        Names.requireEmail(manager);
        reps = List.copyOf(reps);
        if (reps.isEmpty()) {
            throw new IllegalArgumentException("team " + name + " has no reps");
        }
        var seen = new HashSet<String>();
        for (Rep rep : reps) {
            if (!seen.add(rep.email())) {
                throw new IllegalArgumentException("team " + name + " lists " + rep.email() + " twice");
            }
        }
    }

    /** The rep's own timezone, else the team's; empty when both work on the agreement's calendar's. */
    public Optional<ZoneId> timezoneOf(Rep rep) {
        return rep.timezone().or(this::timezone);
    }

    @Override
    public String key() {
        return name;
    }

    @Override
    public Map<String, String> attributes() {
        var map = new LinkedHashMap<String, String>();
        map.put("manager", manager);
        map.put("timezone", timezone.map(ZoneId::getId).orElse("calendar's"));
        map.put("reps", reps.stream().map(Rep::describe).collect(Collectors.joining("; ")));
        return map;
    }
}
