package dev.baton.core.access;

import dev.baton.core.agreement.Agreement;
import dev.baton.core.engine.SimulationStore;
import dev.baton.core.engine.Simulations;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Asking for a simulation of a draft by a person, the same from the API, the command line and the agreement page:
 * those who may draft may backtest, and each request is audited with what it asked for.
 */
public final class SimulationWork {

    private final Simulations simulations;
    private final Access access;
    private final Audit audit;

    public SimulationWork(Simulations simulations, Access access, Audit audit) {
        this.simulations = simulations;
        this.access = access;
        this.audit = audit;
    }

    public SimulationStore.Job simulate(Actor actor, int version, Simulations.Period period) {
        access.require(actor, Permission.DRAFT_AGREEMENTS);
        return audit.created(
                actor,
                "agreement.simulated",
                () -> simulations.request(version, period, actor.name()),
                job -> "simulation/" + job.id(),
                SimulationWork::state);
    }

    public SimulationStore.Job simulate(Actor actor, Agreement draft, String source, Simulations.Period period) {
        access.require(actor, Permission.DRAFT_AGREEMENTS);
        return audit.created(
                actor,
                "agreement.simulated",
                () -> simulations.request(draft, source, period, actor.name()),
                job -> "simulation/" + job.id(),
                SimulationWork::state);
    }

    private static Map<String, String> state(SimulationStore.Job job) {
        var state = new LinkedHashMap<String, String>();
        job.version().ifPresent(v -> state.put("version", Integer.toString(v)));
        state.put("against", Integer.toString(job.activeVersion()));
        state.put("from", job.from().toString());
        state.put("to", job.to().toString());
        return state;
    }
}
