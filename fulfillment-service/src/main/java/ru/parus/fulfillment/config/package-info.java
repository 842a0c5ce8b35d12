/**
 * {@code @ConfigMapping} interfaces with fulfilment's settings and the rules' defaults, e.g. carriers'
 * parameters (R12); none is needed yet.
 */
package ru.parus.fulfillment.config;
