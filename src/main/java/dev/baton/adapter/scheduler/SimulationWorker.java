package dev.baton.adapter.scheduler;

import dev.baton.core.engine.Simulations;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works the simulations asked for, in the background: at a fixed interval it takes the oldest waiting one and works it
 * to its end, then the next. Several Baton instances may run it; each simulation is claimed by one.
 */
public final class SimulationWorker extends PeriodicWorker {

    private static final Logger log = LoggerFactory.getLogger(SimulationWorker.class);

    private final Simulations simulations;

    public SimulationWorker(Simulations simulations, Duration interval) {
        super("simulation", 1, interval, interval);
        this.simulations = simulations;
    }

    /** Works the waiting simulations; one that fails is recorded as failed with its reason, and logged. */
    @Override
    void work() {
        Periodic.guarded(log, "Simulation", simulations::drain);
    }
}
