/**
 * Panache repositories of the {@code domain} entities, with the queries the use cases need (e.g. a
 * customer's messages, R21); no rules here.
 */
package ru.parus.notification.repository;
