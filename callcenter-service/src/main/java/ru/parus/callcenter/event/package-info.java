/**
 * The records this service publishes on {@code callcenter-events} through the outbox (calls registered, R18;
 * escalations, R19; call results, R16); what it reads from other services is in {@code event.incoming}.
 */
package ru.parus.callcenter.event;
