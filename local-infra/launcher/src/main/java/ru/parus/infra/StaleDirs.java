package ru.parus.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Scratch folders named {@code <prefix>-<pid>-...} in the temp folder, so that a run can delete
 * the folders of runs whose JVM was killed before its shutdown hook ran.
 */
final class StaleDirs {
    private StaleDirs() {
    }

    static Path create(String prefix) {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        deleteStale(tmp, prefix);
        try {
            Path dir = Files.createTempDirectory(tmp, prefix + "-" + ProcessHandle.current().pid() + "-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteRecursively(dir)));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteStale(Path tmp, String prefix) {
        try (Stream<Path> entries = Files.list(tmp)) {
            entries.filter(p -> p.getFileName().toString().startsWith(prefix + "-"))
                    .filter(p -> !ownerAlive(p.getFileName().toString().substring(prefix.length() + 1)))
                    .forEach(StaleDirs::deleteRecursively);
        } catch (IOException ignored) {
            // best effort: a folder we cannot list holds nothing of ours
        }
    }

    private static boolean ownerAlive(String rest) {
        int dash = rest.indexOf('-');
        try {
            long pid = Long.parseLong(dash < 0 ? rest : rest.substring(0, dash));
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return true; // not ours to judge
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
    }
}
