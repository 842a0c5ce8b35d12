package ru.parus.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;

/** Free loopback ports and waiting for a port to accept connections. */
public final class Ports {
    private Ports() {
    }

    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on the loopback interface", e);
        }
    }

    public static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static void awaitAccepting(int port, Duration timeout, Process owner) {
        Instant deadline = Instant.now().plus(timeout);
        while (!accepts(port)) {
            if (owner != null && !owner.isAlive()) {
                throw new IllegalStateException("process " + owner.pid() + " exited with " + owner.exitValue()
                        + " before port " + port + " opened");
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("port " + port + " did not open within " + timeout);
            }
            sleep(50);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
