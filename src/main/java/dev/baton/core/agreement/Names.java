package dev.baton.core.agreement;

import java.util.regex.Pattern;

/** The spelling of names in an agreement. */
public final class Names {

    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    public static final Pattern REASON_CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
    public static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    public static final Pattern EVENT_TYPE = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    private Names() {}

    static String requireName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "'" + name + "' is not a valid name (lower-case letters, digits and dashes)");
        }
        return name;
    }

    static String requireEmail(String email) {
        if (!EMAIL.matcher(email).matches()) {
            throw new IllegalArgumentException("'" + email + "' is not an email address");
        }
        return email;
    }
}
