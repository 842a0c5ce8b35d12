/**
 * Panache repositories of the {@code domain} entities, with the queries the use cases need (e.g. a manager's
 * open tasks, R16, R22); no rules here.
 */
package ru.parus.callcenter.repository;
