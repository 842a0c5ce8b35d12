package ru.parus.callcenter;

import org.junit.jupiter.api.Test;

import ru.parus.platform.testing.ArchitectureRules;

/** Query text only in repositories, no test support in main code (docs/architecture.md); plain JUnit, no Quarkus. */
class ArchitectureTest {
    @Test
    void layersKeepTheirPlace() {
        ArchitectureRules.check("ru.parus.callcenter");
    }
}
