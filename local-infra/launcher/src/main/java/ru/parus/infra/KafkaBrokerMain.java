package ru.parus.infra;

import java.io.IOException;
import java.io.InputStream;

/**
 * Main class of the broker's child JVM: runs {@code kafka.Kafka} and halts as soon as its
 * standard input closes, which happens when the parent JVM dies in any way (even SIGKILL),
 * so a crashed test run leaves no broker behind.
 */
public final class KafkaBrokerMain {
    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        Thread parentWatch = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() >= 0) {
                    // the parent writes nothing; end of stream means it is gone
                }
            } catch (IOException ignored) {
                // a broken pipe means the same
            }
            Runtime.getRuntime().halt(0);
        }, "parent-watch");
        parentWatch.setDaemon(true);
        parentWatch.start();
        Class.forName("kafka.Kafka").getMethod("main", String[].class).invoke(null, (Object) args);
    }
}
