package dev.baton.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.baton.testing.BatonProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Memory and CPU of the Baton JVM, of its PostgreSQL's processes and of this client, read from /proc (Linux) and
 * from Baton's own heap metric; memory is sampled every second for its peaks.
 */
final class ProcessMeter implements AutoCloseable {

    // USER_HZ, the unit of /proc/<pid>/stat times, is 100 on every Linux platform Baton runs on
    private static final double TICKS_PER_SECOND = 100;

    private final BatonProcess baton;
    private final ProcessHandle postmaster;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    private final AtomicLong peakHeap = new AtomicLong();
    private final AtomicLong peakRss = new AtomicLong();
    private final AtomicLong peakPostgresPss = new AtomicLong();

    ProcessMeter(BatonProcess baton) {
        this.baton = baton;
        this.postmaster = baton.postgres().orElseThrow();
        sampler.scheduleWithFixedDelay(this::sample, 0, 1, TimeUnit.SECONDS);
    }

    /**
     * CPU seconds used so far by Baton, its PostgreSQL, this client and the whole machine; the time Baton's JIT
     * compilers have spent; and the wall time.
     */
    record Cpu(double baton, double postgres, double client, double machine, double jit, long wallNanos) {
        Cpu minus(Cpu earlier) {
            return new Cpu(
                    baton - earlier.baton,
                    postgres - earlier.postgres,
                    client - earlier.client,
                    machine - earlier.machine,
                    jit - earlier.jit,
                    wallNanos - earlier.wallNanos);
        }

        double wallSeconds() {
            return wallNanos / 1e9;
        }

        /** What every other process on the machine used meanwhile. */
        double others() {
            return Math.max(0, machine - baton - postgres - client);
        }
    }

    Cpu cpu() {
        var client = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        // each live process's own time (utime, stime), plus what the postmaster's exited children used
        double postgres = stat(postmaster.pid(), 16)
                + stat(postmaster.pid(), 17)
                + postgresProcesses()
                        .mapToDouble(pid -> stat(pid, 14) + stat(pid, 15))
                        .sum();
        return new Cpu(
                (stat(baton.pid(), 14) + stat(baton.pid(), 15)) / TICKS_PER_SECOND,
                postgres / TICKS_PER_SECOND,
                client.getProcessCpuTime() / 1e9,
                machineBusy() / TICKS_PER_SECOND,
                jitSeconds(),
                System.nanoTime());
    }

    /** The time HotSpot's compilers have spent compiling in the Baton JVM so far (java.ci.totalTime). */
    double jitSeconds() {
        String counters = jcmd(baton.pid(), "PerfCounter.print");
        return counter(counters, "java.ci.totalTime") / counter(counters, "sun.os.hrt.frequency");
    }

    private static double counter(String counters, String name) {
        return counters.lines()
                .filter(line -> line.startsWith(name + "="))
                .mapToDouble(line -> Double.parseDouble(line.substring(name.length() + 1)))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + name + " in the JVM's performance counters"));
    }

    /** Runs a diagnostic command in a JVM and returns what it printed. */
    static String jcmd(long pid, String... command) {
        var line = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), "" + pid));
        line.addAll(List.of(command));
        try {
            Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
            String output = new String(jcmd.getInputStream().readAllBytes());
            if (jcmd.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", line) + ": " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double machineBusy() {
        try {
            // cpu user nice system idle iowait irq softirq steal …: all but idle and iowait is work
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).split("\\s+");
            double busy = 0;
            for (int i = 1; i <= 8; i++) {
                busy += i == 4 || i == 5 ? 0 : Double.parseDouble(cpu[i]);
            }
            return busy;
        } catch (IOException e) {
            return 0;
        }
    }

    private void sample() {
        try {
            peakRss.accumulateAndGet(status(baton.pid(), "VmRSS:"), Math::max);
            peakPostgresPss.accumulateAndGet(postgresPss(), Math::max);
            var heap = baton.getJson("/actuator/metrics/jvm.memory.used?tag=area:heap");
            peakHeap.accumulateAndGet(
                    heap.get("measurements").get(0).get("value").asLong(), Math::max);
        } catch (IOException | RuntimeException e) {
            // a sample lost while the machine is busy is no reason to stop the benchmark
        }
    }

    long peakHeap() {
        return peakHeap.get();
    }

    long peakSampledRss() {
        return peakRss.get();
    }

    /** The Baton JVM's peak resident set as the kernel kept it (VmHWM). */
    long peakRss() {
        return status(baton.pid(), "VmHWM:");
    }

    long rss() {
        return status(baton.pid(), "VmRSS:");
    }

    /** PostgreSQL's memory: the proportional set sizes of all its processes, so shared memory is counted once. */
    long postgresPss() {
        return postgresProcesses().mapToLong(ProcessMeter::pss).sum();
    }

    long peakPostgresPss() {
        return peakPostgresPss.get();
    }

    int postgresProcessCount() {
        return (int) postgresProcesses().count();
    }

    private Stream<Long> postgresProcesses() {
        return Stream.concat(Stream.of(postmaster), postmaster.children()).map(ProcessHandle::pid);
    }

    private static double stat(long pid, int field) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // fields as numbered in proc(5); the command name in parentheses may hold spaces, so count after it
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Double.parseDouble(fields[field - 3]);
        } catch (IOException | RuntimeException processEnded) {
            return 0;
        }
    }

    private static long status(long pid, String key) {
        return kilobytes(Path.of("/proc/" + pid + "/status"), key);
    }

    private static long pss(long pid) {
        return kilobytes(Path.of("/proc/" + pid + "/smaps_rollup"), "Pss:");
    }

    private static long kilobytes(Path file, String key) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.stream()
                            .filter(line -> line.startsWith(key))
                            .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
                            .findFirst()
                            .orElse(0)
                    * 1024;
        } catch (IOException processEnded) {
            return 0;
        }
    }

    @Override
    public void close() throws InterruptedException {
        sampler.shutdownNow();
        sampler.awaitTermination(5, TimeUnit.SECONDS);
    }
}
