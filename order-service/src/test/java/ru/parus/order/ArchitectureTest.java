package ru.parus.order;

import org.junit.jupiter.api.Test;

import ru.parus.platform.testing.ArchitectureRules;

/** No query text in {@code service} or {@code rest} packages; no test support in main code (issue 18). */
class ArchitectureTest {

    @Test
    void queriesLiveInRepositoriesAndTestSupportStaysInTests() {
        ArchitectureRules.check("ru.parus.order");
    }
}
