/**
 * Panache entities and value objects of fulfilment: the shipment today, one per order, delivered by one of
 * R4's delivery methods; packing and shipping documents, carriers and tracking as R12 and R13 are built.
 */
package ru.parus.fulfillment.domain;
