/**
 * HTTP resources for the managers' and the head's screens: call tasks and campaigns (R14-R16), registered
 * calls (R18), call scripts (R17), escalations (R19), feedback (R20), absences and deputies (R22), KPIs (R23).
 * Resources stay thin: they translate HTTP to a use case of {@code service}; errors are problem+json.
 */
package ru.parus.callcenter.rest;
