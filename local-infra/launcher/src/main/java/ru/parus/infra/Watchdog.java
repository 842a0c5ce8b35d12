package ru.parus.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ends a child process when this JVM dies, even by SIGKILL, when no shutdown hook runs.
 *
 * <p>A small shell process reads its standard input, which is a pipe held only by this JVM.
 * When the JVM dies, the kernel closes the pipe, {@code cat} sees end of file and the shell
 * signals the child. After a normal stop the owner disarms the guard first.
 */
public final class Watchdog implements AutoCloseable {
    /** Strong references: a collected guard would close its pipe and fire. */
    private static final Set<Process> GUARDS = ConcurrentHashMap.newKeySet();
    private final Process guard;

    private Watchdog(Process guard) {
        this.guard = guard;
    }

    /**
     * @param childPid the process to signal
     * @param signal   a signal name for {@code kill -s}, e.g. {@code INT} for PostgreSQL's fast shutdown
     */
    public static Watchdog guard(long childPid, String signal) {
        String script = "cat >/dev/null; kill -s " + signal + " " + childPid + " 2>/dev/null; "
                + "sleep 10; kill -s KILL " + childPid + " 2>/dev/null; exit 0";
        try {
            Process process = new ProcessBuilder("sh", "-c", script)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            GUARDS.add(process);
            return new Watchdog(process);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the watchdog of process " + childPid, e);
        }
    }

    /** Disarms the guard after the owner has stopped the child itself, so no stale pid is signalled. */
    @Override
    public void close() {
        guard.destroyForcibly();
        GUARDS.remove(guard);
        try {
            guard.getOutputStream().close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
