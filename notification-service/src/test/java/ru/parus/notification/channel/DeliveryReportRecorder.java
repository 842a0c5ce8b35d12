package ru.parus.notification.channel;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import ru.parus.notification.service.channel.DeliveryReport;

/** Test-only observer: what the delivery log will observe after the merge, recorded for assertions. */
@ApplicationScoped
public class DeliveryReportRecorder {
    private final List<DeliveryReport> reports = new CopyOnWriteArrayList<>();

    void on(@Observes DeliveryReport report) {
        reports.add(report);
    }

    public List<DeliveryReport> about(String providerMessageId) {
        return reports.stream().filter(r -> r.providerMessageId().equals(providerMessageId)).toList();
    }
}
