/** {@code @ConfigMapping} interfaces with fulfilment's settings: carriers per delivery method (R12). */
package ru.parus.fulfillment.config;
