/**
 * Consumers ({@code EventConsumer}: the handlers of one topic of the service's {@code events} channel) of the
 * events that call for a message to a customer, such as an order ready for collection from fulfillment-events
 * (R13): each reads the event, records it in the inbox and calls one use case; the log entry keeps the causing
 * event's id.
 */
package ru.parus.notification.messaging;
