/** The channel SPI: one class per way of reaching a customer (e-mail, SMS gateway, messengers). */
package ru.parus.notification.service.channel;
