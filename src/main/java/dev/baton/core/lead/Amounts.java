package dev.baton.core.lead;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Amounts as people write them: 50, 2,500,000, 2.5k, 5M, 1B. */
public final class Amounts {

    private static final Pattern AMOUNT = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)([kKmMbB]?)");

    private Amounts() {}

    public static Optional<BigDecimal> parse(String text) {
        var m = AMOUNT.matcher(text.strip().replace(",", "").replace("_", ""));
        if (!m.matches()) {
            return Optional.empty();
        }
        int zeros = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 3;
            case "m" -> 6;
            case "b" -> 9;
            default -> 0;
        };
        return Optional.of(new BigDecimal(m.group(1)).movePointRight(zeros));
    }

    /** 50, 2.5k, 5M, 1B: the shortest way people write the amount. */
    public static String format(BigDecimal number) {
        String[] suffixes = {"B", "M", "k"};
        int[] powers = {9, 6, 3};
        for (int i = 0; i < suffixes.length; i++) {
            BigDecimal scaled = number.movePointLeft(powers[i]);
            if (scaled.abs().compareTo(BigDecimal.ONE) >= 0
                    && scaled.stripTrailingZeros().scale() <= 1) {
                return scaled.stripTrailingZeros().toPlainString() + suffixes[i];
            }
        }
        return number.stripTrailingZeros().toPlainString();
    }
}
