/**
 * {@code @ConfigMapping} interfaces with the channels' settings and the rules' defaults (R21); none is
 * needed yet (the e-mail channel is configured through {@code quarkus.mailer.*}).
 */
package ru.parus.notification.config;
