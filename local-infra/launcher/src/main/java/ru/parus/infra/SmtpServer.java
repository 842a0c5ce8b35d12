package ru.parus.infra;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** A real SMTP server (GreenMail) that keeps what it receives, so tests can read the messages back. */
public final class SmtpServer implements AutoCloseable {
    private final GreenMail greenMail;
    private final int port;

    private SmtpServer(GreenMail greenMail, int port) {
        this.greenMail = greenMail;
        this.port = port;
    }

    public static SmtpServer start(int port) {
        GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
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
