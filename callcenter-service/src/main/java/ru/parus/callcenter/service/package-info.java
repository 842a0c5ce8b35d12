/**
 * The use cases, {@code @Transactional}, where the rules live: proactive call tasks for dormant (R14) and
 * hanging (R15) customers, assigned calls and their reported results (R16), versioned scripts (R17), call
 * registration (R6, R18), escalation to the head (R19), feedback tracking (R20), deputies (R22), KPIs (R23).
 */
package ru.parus.callcenter.service;
