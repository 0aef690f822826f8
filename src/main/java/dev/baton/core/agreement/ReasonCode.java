package dev.baton.core.agreement;

import dev.baton.core.calendar.Span;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A reason sales may give to reject or disqualify a lead, and what then happens to the lead. */
public record ReasonCode(String code, String label, Consequence consequence, Optional<Span> coolOff) implements Clause {

    /** What a reason code does to the lead. */
    public enum Consequence {
        DISQUALIFY,
        NURTURE,
        RECYCLE;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ReasonCode {
        if (!Names.REASON_CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("'" + code + "' is not a reason code (upper-case letters, digits, _)");
        }
        if (label.isBlank()) {
            throw new IllegalArgumentException("reason code " + code + " needs a label");
        }
        if ((consequence == Consequence.RECYCLE) != coolOff.isPresent()) {
            throw new IllegalArgumentException(
                    "reason code " + code + ": a cool-off goes with recycle, and only there");
        }
    }

    @Override
    public String key() {
        return code;
    }

    @Override
    public Map<String, String> attributes() {
        var map = new LinkedHashMap<String, String>();
        map.put("label", label);
        map.put("consequence", consequence.word());
        coolOff.ifPresent(c -> map.put("cool-off", c.toString()));
        return map;
    }
}
