package ru.parus.infra;

import java.time.Duration;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real SMTP server (GreenMail) that keeps what it receives, so tests can read the messages back. Like real relays
 * it drops a client connection that stays idle longer than {@code idleTimeout}, answering 421.
 */
public final class SmtpServer implements AutoCloseable {
    private final GreenMail greenMail;
    private final int port;

    private SmtpServer(GreenMail greenMail, int port) {
        this.greenMail = greenMail;
        this.port = port;
    }

    /** GreenMail's own idle timeout; relays in the wild use 60 s to 5 min. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);

    public static SmtpServer start(int port) {
        return start(port, DEFAULT_IDLE_TIMEOUT);
    }

    public static SmtpServer start(int port, Duration idleTimeout) {
        GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        greenMail.getSmtp().setClientSocketTimeout(Math.toIntExact(idleTimeout.toMillis()));
        return new SmtpServer(greenMail, port);
    }

    public int port() {
        return port;
    }

    public GreenMail greenMail() {
        return greenMail;
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
