package ru.parus.notification;

import org.junit.jupiter.api.Test;

import ru.parus.platform.testing.ArchitectureRules;

/** No query text in service or rest packages, no test support in main code (issue 18); plain JUnit, no Quarkus. */
class ArchitectureTest {
    @Test
    void layersKeepTheirPlace() {
        ArchitectureRules.check("ru.parus.notification");
    }
}
