/**
 * Consumers ({@code EventConsumer}: the handlers of one topic of the service's {@code events} channel) of other
 * services' events that give managers work, such as dormant customers (R14) and unpaid orders (R15): each reads
 * the event, records it in the inbox and calls one use case.
 */
package ru.parus.callcenter.messaging;
