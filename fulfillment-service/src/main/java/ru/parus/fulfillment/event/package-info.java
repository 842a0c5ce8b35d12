/**
 * The records this service publishes on {@code fulfillment-events} through the outbox (a shipment passed to
 * the warehouse, R12; ready or arrived at the pickup point, R13), and its tolerant readings of the events it
 * consumes.
 */
package ru.parus.fulfillment.event;
