/**
 * The use cases, {@code @Transactional}, where the rules live: a confirmed (and, for online payment, paid)
 * order becomes a shipment passed at once to the warehouse and the carrier with a packing list and a
 * shipping document (R12); a shipment ready or arrived at the pickup point is announced (R13).
 */
package ru.parus.fulfillment.service;
