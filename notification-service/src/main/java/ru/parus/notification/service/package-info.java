/**
 * The use cases, {@code @Transactional}, where the rules live: a message goes to the customer by SMS, e-mail
 * or a messenger as they prefer and have consented to, and every message sent is logged with its delivery
 * status (R21); the notice that an order is ready is one of them (R13).
 */
package ru.parus.notification.service;
