package ru.parus.notification.service.channel;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;

/**
 * One HTTP call to a provider, with the failures that are no answer at all (timeouts, refused or reset
 * connections, an interrupted thread) turned into a temporary failure, so that a channel never throws.
 */
final class ProviderCall {
    private ProviderCall() {
    }

    /** Either the provider's answer or, when there was none, the temporary failure to report. */
    record Outcome(HttpResponse<String> response, SendResult.TemporaryFailure failure) {
    }

    static Outcome call(HttpClient http, HttpRequest request, String provider) {
        try {
            return new Outcome(http.send(request, HttpResponse.BodyHandlers.ofString()), null);
        } catch (HttpTimeoutException e) {
            // the request may have reached the provider: a retry must be recognisable (SMSC gets our id)
            return new Outcome(null, new SendResult.TemporaryFailure(provider + " did not answer in time"));
        } catch (IOException e) {
            return new Outcome(null, new SendResult.TemporaryFailure(
                    provider + " unreachable: " + e.getClass().getSimpleName()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, new SendResult.TemporaryFailure(provider + " call interrupted"));
        }
    }
}
