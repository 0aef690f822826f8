package dev.baton.core.lead;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** A normalised email address: the key leads are deduplicated by. */
public record Email(String address) {

    private static final Pattern SHAPE = Pattern.compile(
            "[A-Za-z0-9._%+'\\-]+@[A-Za-z0-9](?:[A-Za-z0-9\\-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9\\-]{1,63})+");

    /** Mail providers anyone can sign up with: their domain says nothing about an employer. */
    private static final Set<String> FREE_MAIL = Set.of(
            "gmail.com",
            "googlemail.com",
            "yahoo.com",
            "yahoo.co.uk",
            "hotmail.com",
            "hotmail.co.uk",
            "outlook.com",
            "live.com",
            "msn.com",
            "aol.com",
            "icloud.com",
            "me.com",
            "mac.com",
            "proton.me",
            "protonmail.com",
            "gmx.de",
            "gmx.net",
            "gmx.com",
            "web.de",
            "mail.com",
            "yandex.com",
            "yandex.ru",
            "zoho.com",
            "qq.com",
            "163.com",
            "126.com",
            "fastmail.com",
            "hey.com",
            "tutanota.com",
            "mail.ru",
            "orange.fr",
            "free.fr",
            "libero.it",
            "t-online.de",
            "bol.com.br",
            "uol.com.br",
            "terra.com.br");

    public Email {
        if (!SHAPE.matcher(address).matches() || address.length() > 254) {
            throw new IllegalArgumentException("'" + address + "' is not an email address");
        }
        if (!address.equals(address.strip().toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("an email is stored normalised; use Email.parse");
        }
    }

    /** Trims and lower-cases; empty when the text is not an email address. */
    public static Optional<Email> parse(String text) {
        String normalised = text.strip().toLowerCase(Locale.ROOT);
        return SHAPE.matcher(normalised).matches() && normalised.length() <= 254
                ? Optional.of(new Email(normalised))
                : Optional.empty();
    }

    public String domain() {
        return address.substring(address.lastIndexOf('@') + 1);
    }

    /**
     * The domain of the lead's employer, unless the address is at a free-mail provider or under {@code .invalid} (the
     * top-level domain reserved for addresses that reach no one, which imports give leads a file names no email for).
     */
    public Optional<String> companyDomain() {
        return isFreeMail(domain()) || domain().endsWith(".invalid") ? Optional.empty() : Optional.of(domain());
    }

    public static boolean isFreeMail(String domain) {
        return FREE_MAIL.contains(domain.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return address;
    }
}
