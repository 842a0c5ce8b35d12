/**
 * The records this service publishes on {@code notification-events} through the outbox (a message sent or
 * failed, R21), and its tolerant readings of the events it consumes.
 */
package ru.parus.notification.event;
