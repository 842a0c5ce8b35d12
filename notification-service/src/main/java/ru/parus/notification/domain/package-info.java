/**
 * Panache entities and value objects of notification: the message log entry today (R21); message templates
 * and the customers' channel preferences and consents as R21 is built.
 */
package ru.parus.notification.domain;
