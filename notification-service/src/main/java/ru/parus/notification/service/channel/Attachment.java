package ru.parus.notification.service.channel;

/** A file sent with a message: a product certificate, the price list, a packing document. */
public record Attachment(String fileName, String contentType, byte[] content) {
}
