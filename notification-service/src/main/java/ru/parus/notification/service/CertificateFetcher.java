package ru.parus.notification.service;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import ru.parus.notification.config.CatalogueAttachmentsConfig;

/**
 * Fetches a certificate document by HTTP GET (R21), within a time limit and a size cap: the body is read only up
 * to the cap, a declared larger {@code Content-Length} is refused before reading. JDK's HttpClient suffices, as for
 * the SMS and Telegram providers.
 */
@ApplicationScoped
public class CertificateFetcher {
    /** The document and its media type as the host declared it (without parameters; null if none). */
    public record Document(byte[] content, String contentType) {
    }

    /** What went wrong, for the caller to turn into a problem. */
    public static final class FetchFailed extends Exception {
        public final boolean tooLarge;

        FetchFailed(String message, boolean tooLarge) {
            super(message);
            this.tooLarge = tooLarge;
        }
    }

    private final CatalogueAttachmentsConfig config;
    private final HttpClient http;

    public CertificateFetcher(CatalogueAttachmentsConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.certificateConnectTimeout()).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    public Document fetch(URI url) throws FetchFailed {
        long cap = config.maxCertificateBytes();
        HttpRequest request = HttpRequest.newBuilder(url).GET().timeout(config.certificateTimeout()).build();
        CompletableFuture<HttpResponse<byte[]>> call = http.sendAsync(request, info -> {
            if (info.statusCode() / 100 != 2) {
                return HttpResponse.BodySubscribers.replacing(null);
            }
            long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            return new CappedBody(declared > cap ? -1 : cap);
        });
        HttpResponse<byte[]> response;
        try {
            // the request timeout covers the headers; this one the body as well
            response = call.get(config.certificateTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new FetchFailed("no complete answer within " + config.certificateTimeout().toSeconds() + " s", false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.cancel(true);
            throw new FetchFailed("interrupted", false);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause != null && !(cause instanceof TooLarge) && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof TooLarge) {
                throw new FetchFailed("larger than " + cap + " bytes", true);
            }
            if (e.getCause() instanceof HttpTimeoutException) {
                throw new FetchFailed("no answer within " + config.certificateTimeout().toSeconds() + " s", false);
            }
            throw new FetchFailed("unreachable: " + e.getCause().getClass().getSimpleName(), false);
        }
        if (response.statusCode() / 100 != 2) {
            throw new FetchFailed("the host answered HTTP " + response.statusCode(), false);
        }
        if (response.body() == null || response.body().length == 0) {
            throw new FetchFailed("the host sent an empty document", false);
        }
        String type = response.headers().firstValue("Content-Type").map(t -> t.split(";")[0].trim().toLowerCase())
                .filter(t -> t.matches("[a-z]+/[a-z0-9.+-]+")).orElse(null);
        return new Document(response.body(), type);
    }

    private static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("too large", null, false, false);
        }
    }

    /** Collects the body up to {@code cap} bytes and cancels the transfer beyond it; a cap of -1 refuses at once. */
    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final long cap;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        CappedBody(long cap) {
            this.cap = cap;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (cap < 0) {
                s.cancel();
                result.completeExceptionally(new TooLarge());
            } else {
                s.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer b : items) {
                if (out.size() + (long) b.remaining() > cap) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLarge());
                    return;
                }
                byte[] bytes = new byte[b.remaining()];
                b.get(bytes);
                out.write(bytes, 0, bytes.length);
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(out.toByteArray());
        }
    }
}
