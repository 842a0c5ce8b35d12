/**
 * Panache repositories of the {@code domain} entities, with the queries the use cases need (e.g. the
 * shipment of an order, R12); no rules here.
 */
package ru.parus.fulfillment.repository;
