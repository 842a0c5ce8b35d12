/**
 * The records this service publishes on {@code callcenter-events} through the outbox (calls registered, R18;
 * escalations, R19; call results, R16), and its tolerant readings of the events it consumes.
 */
package ru.parus.callcenter.event;
