package dev.baton.core.lead;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Amounts as people write them: 50, 2,500,000, 2.5k, 5M, 1B. An amount Baton keeps is below a quadrillion, with at
 * most six decimal places: no deal, revenue or head count comes near, and a larger number is a slip.
 */
public final class Amounts {

    /** The sentence an error about an amount out of range ends with. */
    public static final String RANGE = "amounts must be below 1,000,000,000,000,000 with at most 6 decimal places";

    private static final BigDecimal LIMIT = BigDecimal.TEN.pow(15);
    private static final Pattern AMOUNT = Pattern.compile("([0-9]{1,30}(?:\\.[0-9]{1,30})?)([kKmMbB]?)");

    private Amounts() {}

    /** Whether Baton keeps this amount: below a quadrillion either way, with at most six decimal places. */
    public static boolean isKept(BigDecimal amount) {
        return amount.abs().compareTo(LIMIT) < 0 && amount.stripTrailingZeros().scale() <= 6;
    }

    /** The amount the text writes, if it writes one Baton keeps. */
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
        return Optional.of(new BigDecimal(m.group(1)).movePointRight(zeros)).filter(Amounts::isKept);
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
