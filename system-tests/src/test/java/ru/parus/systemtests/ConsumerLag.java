package ru.parus.systemtests;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import ru.parus.infra.test.TestInfra;

/**
 * Waits until consumer groups have committed up to the end of a topic, so that the backlog a fault test leaves
 * (thousands of orders placed while a service was down) does not slow the tests that run after it.
 */
final class ConsumerLag {
    static final Duration STALLED = Duration.ofSeconds(60);

    private ConsumerLag() {
    }

    /** Returns when every group's lag on the topic is 0; fails when a lag stops shrinking for {@link #STALLED}. */
    static void awaitCaughtUp(String topic, String... groups) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfra.kafkaBootstrapServers()))) {
            for (String group : groups) {
                long last = Long.MAX_VALUE;
                long lastMove = System.nanoTime();
                while (true) {
                    long lag = lag(admin, topic, group);
                    if (lag == 0) {
                        break;
                    }
                    if (lag < last) {
                        last = lag;
                        lastMove = System.nanoTime();
                    } else if (System.nanoTime() - lastMove > STALLED.toNanos()) {
                        fail(group + " stopped consuming " + topic + " " + lag + " records behind");
                    }
                    Thread.sleep(500);
                }
            }
        }
    }

    private static long lag(Admin admin, String topic, String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        int partitions = admin.describeTopics(java.util.List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                .get(topic).partitions().size();
        for (int p = 0; p < partitions; p++) {
            latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        long lag = 0;
        for (var end : admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).entrySet()) {
            OffsetAndMetadata done = committed.get(end.getKey());
            lag += end.getValue().offset() - (done == null ? 0 : done.offset());
        }
        return lag;
    }
}
