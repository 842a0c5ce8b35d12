package ru.parus.systemtests.compose;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The repository's docker-compose.yml driven through the Compose command line, as a person would: the compose
 * plugin ({@code docker compose}) where it is installed, else Debian's {@code docker-compose}. One project name,
 * so that a person's own compose stack on this machine is left alone; its volumes go with {@link #down()}.
 */
final class Compose {
    static final String PROJECT = "parus-compose-test";
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path root;
    private final List<String> command;

    private Compose(Path root, List<String> command) {
        this.root = root;
        this.command = command;
    }

    /** Null when no container engine answers or no Compose command is installed: {@link #unavailable} says which. */
    static Compose find(Path root) {
        if (run(root, Duration.ofSeconds(20), "docker", "info").exitCode != 0) {
            return null;
        }
        if (run(root, Duration.ofSeconds(20), "docker", "compose", "version").exitCode == 0) {
            return new Compose(root, List.of("docker", "compose", "-p", PROJECT));
        }
        if (run(root, Duration.ofSeconds(20), "docker-compose", "version").exitCode == 0) {
            return new Compose(root, List.of("docker-compose", "-p", PROJECT));
        }
        return null;
    }

    static String unavailable(Path root) {
        Result info = run(root, Duration.ofSeconds(20), "docker", "info");
        return info.exitCode != 0
                ? "no container engine answers `docker info` (" + info.lastLine() + "): .ci/run starts one (dockerd)"
                : "neither `docker compose` nor `docker-compose` is installed";
    }

    Result up(String... services) {
        return compose(Duration.ofMinutes(5), List.of("up", "-d"), services);
    }

    Result upWithProfile(String profile, String... services) {
        return compose(Duration.ofMinutes(5), List.of("--profile", profile, "up", "-d"), services);
    }

    Result restart() {
        return compose(Duration.ofMinutes(5), List.of("restart"));
    }

    Result down() {
        return compose(Duration.ofMinutes(3), List.of("--profile", "replica", "down", "-v", "--remove-orphans"));
    }

    Result logs(String service) {
        return compose(Duration.ofMinutes(1), List.of("logs", "--no-color", "--tail", "200"), service);
    }

    private Result compose(Duration timeout, List<String> args, String... more) {
        List<String> argv = new ArrayList<>(command);
        argv.addAll(args);
        argv.addAll(List.of(more));
        return run(root, timeout, argv.toArray(String[]::new));
    }

    /** True once GET /q/health/ready on the port answers 200. */
    static boolean ready(int port) {
        try {
            HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static boolean portFree(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new java.net.InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static Result run(Path dir, Duration timeout, String... argv) {
        return run(dir, timeout, Map.of(), argv);
    }

    /** Runs a command to its end (or the timeout), its output and errors together. */
    static Result run(Path dir, Duration timeout, Map<String, String> env, String... argv) {
        try {
            ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true);
            pb.environment().putAll(env);
            Process p = pb.start();
            p.getOutputStream().close();
            byte[][] out = new byte[1][];
            Thread reader = new Thread(() -> {
                try {
                    out[0] = p.getInputStream().readAllBytes();
                } catch (IOException e) {
                    out[0] = new byte[0];
                }
            });
            reader.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                reader.join(5_000);
                return new Result(-1, "timed out after " + timeout + ": " + String.join(" ", argv));
            }
            reader.join(5_000);
            return new Result(p.exitValue(), out[0] == null ? "" : new String(out[0], StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }

    record Result(int exitCode, String output) {
        String lastLine() {
            String[] lines = output.strip().split("\n");
            return lines[lines.length - 1];
        }
    }
}
