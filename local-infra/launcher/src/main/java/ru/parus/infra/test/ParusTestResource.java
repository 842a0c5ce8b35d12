package ru.parus.infra.test;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a {@code @QuarkusTest} at a real Kafka broker, a real PostgreSQL database of its own
 * (init arg {@code database}) and a real SMTP server, all started once per test JVM.
 */
public class ParusTestResource implements QuarkusTestResourceLifecycleManager {
    private String database = "app";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        return TestInfra.serviceConfig(database);
    }

    @Override
    public void stop() {
        // the servers live as long as the test JVM (see LocalInfra's shutdown hook and watchdogs)
    }
}
