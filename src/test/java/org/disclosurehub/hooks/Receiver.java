package org.disclosurehub.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver on localhost (the JDK's HTTP server): it keeps every request it gets, checks
 * its signature as a subscriber would (README, "Webhooks"), and answers as told: 204, 500, slowly,
 * or not before it is released.
 */
final class Receiver implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  enum Mode {
    OK,
    FAIL,
    SLOW,
    HOLD
  }

  /** One request as received. */
  record Received(String id, long timestamp, String signature, String body, Instant at) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    String type() {
      return json().get("type").textValue();
    }

    /** agency/year of a report's event; null for an event of a region (a reminder). */
    String report() {
      JsonNode data = json().get("data");
      return data.has("agency")
          ? data.get("agency").textValue() + "/" + data.get("year").intValue()
          : null;
    }
  }

  private final HttpServer server;
  private final List<Received> received = new ArrayList<>();
  private volatile Mode mode;
  private volatile Duration slowness = Duration.ofMillis(3500);
  private volatile CountDownLatch released = new CountDownLatch(1);
  private final CountDownLatch held = new CountDownLatch(1);

  Receiver(Mode mode) throws IOException {
    this.mode = mode;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          var headers = exchange.getRequestHeaders();
          Received one =
              new Received(
                  headers.getFirst("webhook-id"),
                  Long.parseLong(headers.getFirst("webhook-timestamp")),
                  headers.getFirst("webhook-signature"),
                  body,
                  Instant.now());
          // The answer is decided before the request is counted, so that a test that changes the
          // mode once it sees a request changes only the answers to later ones.
          Mode now = this.mode;
          synchronized (received) {
            received.add(one);
          }
          try {
            if (now == Mode.SLOW) {
              Thread.sleep(slowness.toMillis());
            } else if (now == Mode.HOLD) {
              held.countDown();
              released.await(30, TimeUnit.SECONDS);
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          int status = now == Mode.FAIL ? 500 : 204;
          byte[] answer =
              now == Mode.FAIL ? "receiver broken".getBytes(StandardCharsets.UTF_8) : null;
          try {
            exchange.sendResponseHeaders(status, answer == null ? -1 : answer.length);
            if (answer != null) {
              exchange.getResponseBody().write(answer);
            }
          } catch (IOException gone) {
            // The sender gave up (a timeout, a stopped worker): it records no answer.
          }
          exchange.close();
        });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  void answer(Mode mode) {
    this.mode = mode;
  }

  /** Waits until a request is held (mode HOLD). */
  boolean awaitHeld() throws InterruptedException {
    return held.await(20, TimeUnit.SECONDS);
  }

  void release() {
    released.countDown();
  }

  List<Received> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  /** Whether the signature is the one HMAC-SHA256 with the secret gives (Standard Webhooks). */
  static boolean verified(Received r, String secret) throws Exception {
    byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    String expected =
        Base64.getEncoder()
            .encodeToString(
                mac.doFinal(
                    (r.id() + "." + r.timestamp() + "." + r.body())
                        .getBytes(StandardCharsets.UTF_8)));
    for (String signature : r.signature().split(" ")) {
      if (signature.equals("v1," + expected)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() {
    release();
    server.stop(0);
  }
}
