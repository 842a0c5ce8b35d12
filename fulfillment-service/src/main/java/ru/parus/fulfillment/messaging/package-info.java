/**
 * Consumers ({@code EventConsumer}: the handlers of one topic of the service's {@code events} channel) of order-
 * service's events that start fulfilment, such as a confirmed or paid order (R12): each reads the event, records
 * it in the inbox and calls one use case.
 */
package ru.parus.fulfillment.messaging;
