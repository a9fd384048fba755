package org.disclosurehub.hooks;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One signed POST to a receiver (Standard Webhooks headers), its answer kept: the status and the
 * first KiB of the body, or why there was none. Redirects are not followed: a receiver's redirect
 * could lead anywhere, and only the allowed destination is called.
 */
@ApplicationScoped
class Sender {
  static final int KEPT_BODY_BYTES = 1024;

  private final WebhookConfig config;
  private final HttpClient client;

  Sender(WebhookConfig config) {
    this.config = config;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(config.timeout())
            .build();
  }

  /**
   * Thrown when the worker is stopped mid-delivery: its transaction rolls back, nothing is lost.
   */
  static final class Stopped extends RuntimeException {
    Stopped(InterruptedException cause) {
      super("webhook worker stopped during a delivery", cause);
    }
  }

  Deliveries.Attempt send(Deliveries.Claimed delivery, Instant at) {
    long timestamp = at.getEpochSecond();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(delivery.url()))
            .timeout(config.timeout())
            .header("Content-Type", "application/json")
            .header("User-Agent", "disclosure-hub-webhooks")
            .header("webhook-id", delivery.messageId())
            .header("webhook-timestamp", Long.toString(timestamp))
            .header(
                "webhook-signature",
                Signature.sign(delivery.secret(), delivery.messageId(), timestamp, delivery.body()))
            .POST(HttpRequest.BodyPublishers.ofString(delivery.body(), StandardCharsets.UTF_8))
            .build();
    long started = System.nanoTime();
    try {
      HttpResponse<InputStream> response =
          client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      String body;
      try (InputStream in = response.body()) {
        body = new String(in.readNBytes(KEPT_BODY_BYTES), StandardCharsets.UTF_8);
      }
      return new Deliveries.Attempt(response.statusCode(), null, body, millisSince(started));
    } catch (HttpTimeoutException e) {
      return failed("no answer within " + config.timeout().toMillis() + " ms", started);
    } catch (IOException e) {
      return failed("connection failed: " + e.getClass().getSimpleName(), started);
    } catch (InterruptedException e) {
      throw new Stopped(e);
    }
  }

  static Deliveries.Attempt refused(String why) {
    return new Deliveries.Attempt(null, "refused: the destination " + why, null, 0);
  }

  private static Deliveries.Attempt failed(String why, long started) {
    return new Deliveries.Attempt(null, why, null, millisSince(started));
  }

  private static long millisSince(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }
}
