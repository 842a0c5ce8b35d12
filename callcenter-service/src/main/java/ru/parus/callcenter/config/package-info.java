/**
 * {@code @ConfigMapping} interfaces with the rules' thresholds and defaults, e.g. how long a proactive call
 * (R14, R15) may wait; none is needed yet.
 */
package ru.parus.callcenter.config;
