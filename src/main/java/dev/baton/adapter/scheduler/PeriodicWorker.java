package dev.baton.adapter.scheduler;

import java.time.Duration;
import org.springframework.context.SmartLifecycle;

/** A background worker that runs {@link #work()} in rounds for as long as Baton runs. */
abstract class PeriodicWorker implements SmartLifecycle {

    private final Periodic periodic;

    PeriodicWorker(String name, int threads, Duration firstDelay, Duration interval) {
        this.periodic = new Periodic(name, threads, firstDelay, interval, this::work);
    }

    /** One round of work; it must not throw (see {@link Periodic#guarded}). */
    abstract void work();

    @Override
    public void start() {
        periodic.start();
    }

    @Override
    public void stop() {
        periodic.stop();
    }

    @Override
    public boolean isRunning() {
        return periodic.isRunning();
    }
}
