package ru.parus.platform.events;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A record no retry can fix; the channel's failure strategy moves it to the dead-letter topic. */
public class PoisonEventException extends RuntimeException {
    public PoisonEventException(String message, ConsumerRecord<?, ?> record) {
        super(record == null ? message
                : message + " (" + record.topic() + "-" + record.partition() + "@" + record.offset() + ")");
    }
}
