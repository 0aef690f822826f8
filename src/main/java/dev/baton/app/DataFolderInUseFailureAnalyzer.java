package dev.baton.app;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says plainly that a second Baton was started on a folder another Baton runs on, and what to do. */
final class DataFolderInUseFailureAnalyzer extends AbstractFailureAnalyzer<DataFolderLock.HeldByAnother> {

    @Override
    protected FailureAnalysis analyze(Throwable root, DataFolderLock.HeldByAnother cause) {
        return new FailureAnalysis(
                cause.getMessage() + ". This Baton has not started, and has changed nothing in the folder.",
                "Stop the Baton running as " + cause.holder() + " first, or start this one on another folder with"
                        + " --data-dir or BATON_DATA_DIR.",
                cause);
    }
}
