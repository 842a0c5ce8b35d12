package ru.parus.platform.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * For benchmarks on this 2-core machine: a figure taken while the 1-minute load average is above 2 is not comparable,
 * and a benchmark's own set-up (start-up, loading a million rows) raises it. {@link #settle} waits, before the timed
 * part, until the set-up's load has faded, so the figure reflects the measured work rather than the preparation.
 */
public final class QuietMachine {
    /** The load average above which a figure is "not comparable" (scripts/lib/quiet-machine.sh says the same). */
    public static final double MAX_LOAD = 2.0;

    private QuietMachine() {
    }

    /** The 1-, 5- and 15-minute load averages as /proc/loadavg gives them, or "unknown". */
    public static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return "unknown";
        }
    }

    /**
     * Waits until the 1-minute load average is below {@code target} (checked every second), at most {@code limit};
     * returns "load before X: comparable" or "... NOT COMPARABLE" as the figure that follows must be labelled.
     */
    public static String settle(double target, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        double load = oneMinute();
        while (load >= target && System.nanoTime() < deadline) {
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            load = oneMinute();
        }
        return "load before " + loadAverage() + ": " + (load <= MAX_LOAD ? "comparable" : "NOT COMPARABLE (above "
                + MAX_LOAD + ")");
    }

    private static double oneMinute() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (Exception e) {
            return Double.MAX_VALUE;
        }
    }
}
