/**
 * HTTP resources for the warehouse and the managers: shipments with their packing and shipping documents
 * (R12) and tracking, so a manager can confirm readiness and delivery details with the customer (R13).
 * Resources stay thin: they translate HTTP to a use case of {@code service}; errors are problem+json.
 */
package ru.parus.fulfillment.rest;
