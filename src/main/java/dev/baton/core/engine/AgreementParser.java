package dev.baton.core.engine;

import dev.baton.core.agreement.Agreement;

/** Turns stored agreement source back into an agreement; stored sources were valid when stored. */
public interface AgreementParser {

    Agreement parse(String source);
}
