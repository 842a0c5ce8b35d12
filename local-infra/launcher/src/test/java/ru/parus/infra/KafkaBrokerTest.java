package ru.parus.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class KafkaBrokerTest {

    /**
     * The storage tool takes the cluster id as the argument after {@code -t}; one starting with a dash is read as an
     * option and the broker never starts (a random Base64 id did that once in 64 starts of ./parus up).
     */
    @Test
    void clusterIdsNeverStartWithADashAndDiffer() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 5_000; i++) {
            String id = KafkaBroker.clusterId();
            assertFalse(id.startsWith("-"), id);
            assertEquals(22, id.length(), id);
            ids.add(id);
        }
        assertEquals(5_000, ids.size());
    }
}
