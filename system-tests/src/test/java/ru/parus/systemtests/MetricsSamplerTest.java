package ru.parus.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The sampler reads a sample's value, not an exemplar's timestamp at the end of an OpenMetrics line. */
class MetricsSamplerTest {
    @Test
    void theValueFollowsTheLabelsEvenWhenAnExemplarEndsTheLine() {
        assertEquals(5.0, MetricsSampler.sampleValue(
                "parus_inbox_duplicates_total{consumer=\"customer-service.order-events\"} 5.0"
                        + " # {span_id=\"a1\",trace_id=\"b2\"} 1.0 1795000000.123"));
        assertEquals(7.0, MetricsSampler.sampleValue("parus_outbox_unsent_rows{service=\"a b\"} 7.0"));
        assertEquals(3.0, MetricsSampler.sampleValue("parus_outbox_unsent_rows 3.0"));
        assertEquals(0.0, MetricsSampler.sampleValue("kafka_consumer_fetch_manager_records_lag_max NaN"));
    }
}
