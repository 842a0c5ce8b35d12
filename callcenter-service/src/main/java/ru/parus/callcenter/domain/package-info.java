/**
 * Panache entities and value objects of the call centre: the call task today; managers and absences, calls,
 * call scripts, campaigns, escalations and feedback as their rules (R16-R23) are built.
 */
package ru.parus.callcenter.domain;
