package dev.baton.core.routing;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/** Company names reduced to what identifies the account: no case, accents, punctuation or legal suffixes. */
public final class AccountNames {

    private static final Set<String> LEGAL_SUFFIXES = Set.of(
            "inc",
            "incorporated",
            "llc",
            "llp",
            "lp",
            "ltd",
            "limited",
            "plc",
            "corp",
            "corporation",
            "co",
            "company",
            "gmbh",
            "ag",
            "kg",
            "ug",
            "sa",
            "sas",
            "sarl",
            "srl",
            "spa",
            "bv",
            "nv",
            "ab",
            "as",
            "oy",
            "pty",
            "pte",
            "kk",
            "sl");

    private AccountNames() {}

    /** "ACME, Inc." and "Acme Inc" and "Acme" all become "acme". */
    public static String normalize(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replace("&", " and ")
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .strip();
        String[] words = plain.split(" ");
        int end = words.length;
        while (end > 1 && LEGAL_SUFFIXES.contains(words[end - 1])) {
            end--;
        }
        return String.join(" ", java.util.Arrays.copyOf(words, end));
    }
}
