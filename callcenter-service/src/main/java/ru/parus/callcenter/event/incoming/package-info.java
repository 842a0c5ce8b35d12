/**
 * This service's own records of the events it reads from other services (one file per source topic), checked by
 * Bean Validation when the platform's {@code EventHandlers} reads them: a missing or malformed required field makes
 * the event poison. Optional fields read blank as absent (a tolerant reader).
 */
package ru.parus.callcenter.event.incoming;
