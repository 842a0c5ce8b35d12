package ru.parus.notification.domain;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A file sent with a message (a certificate, the price list), kept until the message is sent or erased. */
@Entity
@Table(name = "message_attachment")
public class MessageAttachment {
    @Id
    public UUID id;

    @Column(name = "message_id", nullable = false)
    public UUID messageId;

    public int position;

    @Column(name = "file_name", nullable = false)
    public String fileName;

    @Column(name = "content_type", nullable = false)
    public String contentType;

    @Column(nullable = false)
    public byte[] content;
}
