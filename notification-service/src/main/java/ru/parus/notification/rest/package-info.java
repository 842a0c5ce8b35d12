/**
 * HTTP resources for the managers and the head: the delivery log of the messages sent to customers (R21)
 * and, later, the message templates. Resources stay thin: they translate HTTP to a use case of
 * {@code service}; errors are problem+json.
 */
package ru.parus.notification.rest;
