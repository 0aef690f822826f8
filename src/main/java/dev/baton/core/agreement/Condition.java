package dev.baton.core.agreement;

import dev.baton.core.lead.Amounts;
import dev.baton.core.lead.Facts;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** A test on one field of a lead or its company, used by fit, negative and routing rules. */
public sealed interface Condition {

    Field field();

    /** Whether the facts pass the test. */
    boolean test(Facts facts);

    /** The test in words, e.g. "company.employees between 50 and 500". */
    String describe();

    /** The value of the field that the test looked at, for explanations. */
    default String evidence(Facts facts) {
        return field().path() + " = " + facts.text(field().path()).orElse("(none)");
    }

    /** A numeric range; either end may be open. */
    record Range(Field field, Optional<BigDecimal> min, Optional<BigDecimal> max) implements Condition {
        public Range {
            if (min.isEmpty() && max.isEmpty()) {
                throw new IllegalArgumentException("a range needs a min or a max");
            }
            if (min.isPresent() && max.isPresent() && min.get().compareTo(max.get()) > 0) {
                throw new IllegalArgumentException("min " + min.get() + " is above max " + max.get());
            }
        }

        @Override
        public boolean test(Facts facts) {
            return facts.number(field.path())
                    .filter(value -> min.map(m -> value.compareTo(m) >= 0).orElse(true))
                    .filter(value -> max.map(m -> value.compareTo(m) <= 0).orElse(true))
                    .isPresent();
        }

        @Override
        public String describe() {
            if (min.isPresent() && max.isPresent()) {
                return field + " between " + plain(min.get()) + " and " + plain(max.get());
            }
            return min.map(m -> field + " at least " + plain(m))
                    .orElseGet(() -> field + " at most " + plain(max.get()));
        }

        private static String plain(BigDecimal number) {
            return Amounts.format(number);
        }
    }

    /** The field's value is one of a set, compared without regard to case. */
    record OneOf(Field field, List<String> values) implements Condition {
        public OneOf {
            if (values.isEmpty()) {
                throw new IllegalArgumentException("a set needs at least one value");
            }
            values = List.copyOf(values);
        }

        @Override
        public boolean test(Facts facts) {
            String value = facts.values().get(field.path());
            if (value == null) {
                return false;
            }
            for (String member : values) {
                if (member.strip().equalsIgnoreCase(value)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String describe() {
            return field + " in " + String.join(", ", values);
        }
    }

    /** The field contains a match of a regular expression, without regard to case. */
    record Matches(Field field, Pattern pattern) implements Condition {
        public static Matches of(Field field, String regex) {
            return new Matches(field, Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        }

        @Override
        public boolean test(Facts facts) {
            return facts.text(field.path()).map(v -> pattern.matcher(v).find()).orElse(false);
        }

        @Override
        public String describe() {
            return field + " matches /" + pattern.pattern() + "/";
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Matches that
                    && field.equals(that.field)
                    && pattern.pattern().equals(that.pattern.pattern());
        }

        @Override
        public int hashCode() {
            return field.hashCode() * 31 + pattern.pattern().hashCode();
        }
    }

    /** The field has a value ({@code expected} true) or has none (false). */
    record Present(Field field, boolean expected) implements Condition {
        @Override
        public boolean test(Facts facts) {
            return facts.text(field.path()).isPresent() == expected;
        }

        @Override
        public String describe() {
            return field + (expected ? " is given" : " is missing");
        }
    }
}
