package dev.baton.core.agreement;

import java.util.Map;

/** A named part of an agreement (a rule, a team, a reason code), described as attributes so versions can be diffed. */
public interface Clause {

    /** The name that identifies the clause within its section. */
    String key();

    /** What the clause says, attribute by attribute, in the words of the file. */
    Map<String, String> attributes();
}
