package ru.parus.customer;

import org.junit.jupiter.api.Test;

import ru.parus.platform.testing.ArchitectureRules;

/** Query text only in repositories; no test support in main code (docs/architecture.md). */
class ArchitectureTest {
    @Test
    void layout() {
        ArchitectureRules.check("ru.parus.customer");
    }
}
