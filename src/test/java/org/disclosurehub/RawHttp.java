package org.disclosurehub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests no well-behaved client sends: bytes an HTTP library
 * would refuse or repair (NUL in a header, a bare {@code %} in a path, invalid UTF-8, chunked
 * bodies of any size). One request per connection.
 */
public final class RawHttp {
  private RawHttp() {}

  /** An answer: status, headers (lower-case names) and the body, de-chunked. */
  public record Answer(int status, Map<String, String> headers, byte[] body) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * Asserts that this answer is an RFC 9457 problem of that status and type ({@code
     * application/problem+json}, nosniff, a title and a detail) and returns its JSON.
     */
    public JsonNode problem(int status, String type) {
      assertThat(status()).as(toString()).isEqualTo(status);
      assertThat(header("Content-Type")).as(toString()).startsWith("application/problem+json");
      assertThat(header("X-Content-Type-Options")).isEqualTo("nosniff");
      JsonNode problem;
      try {
        problem = Fixtures.JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + this, e);
      }
      assertThat(problem.path("type").asText()).as(toString()).isEqualTo(type);
      assertThat(problem.path("status").asInt()).isEqualTo(status);
      assertThat(problem.path("title").asText()).isNotBlank();
      assertThat(problem.path("detail").asText()).isNotBlank();
      return problem;
    }

    @Override
    public String toString() {
      return status + " " + headers + " " + text();
    }
  }

  /** The port the service under test listens on. */
  public static int port() {
    return io.restassured.RestAssured.port;
  }

  /** Sends a request head (request line and headers, each without CRLF) and an optional body. */
  public static Answer send(String requestLine, Map<String, String> headers, byte[] body) {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    write(head, requestLine.getBytes(StandardCharsets.ISO_8859_1));
    write(head, "\r\nHost: localhost\r\nConnection: close\r\n".getBytes(StandardCharsets.US_ASCII));
    headers.forEach(
        (name, value) ->
            write(head, (name + ": " + value + "\r\n").getBytes(StandardCharsets.ISO_8859_1)));
    if (body != null && !headers.containsKey("Transfer-Encoding")) {
      write(head, ("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
    }
    write(head, "\r\n".getBytes(StandardCharsets.US_ASCII));
    if (body != null) {
      write(head, body);
    }
    return exchange(head.toByteArray());
  }

  /**
   * Waits until what HTTP parsing refuses is answered with a problem: the service installs that
   * just after its servers listen, so a test that starts at once could see the decoder's bare
   * answer.
   */
  public static void awaitParserRefusals() {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (true) {
      Answer answer = send("GET /api/v1/% HTTP/1.1", Map.of(), null);
      if (answer.body().length > 0 || System.nanoTime() > deadline) {
        return;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Sends the body in chunks of {@code chunkSize} bytes (Transfer-Encoding: chunked). */
  public static Answer sendChunked(
      String requestLine, Map<String, String> headers, byte[] body, int chunkSize) {
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.put("Transfer-Encoding", "chunked");
    ByteArrayOutputStream chunked = new ByteArrayOutputStream();
    for (int at = 0; at < body.length; at += chunkSize) {
      int length = Math.min(chunkSize, body.length - at);
      write(chunked, (Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      chunked.write(body, at, length);
      write(chunked, "\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    write(chunked, "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    return send(requestLine, all, chunked.toByteArray());
  }

  /** Sends raw bytes as they are and reads the answer until the server closes. */
  public static Answer exchange(byte[] request) {
    try (Socket socket = new Socket("127.0.0.1", port())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(request);
        out.flush();
      } catch (IOException closedEarly) {
        // The server may answer (413) and close before the whole body is sent; read that answer.
      }
      return parse(readAll(socket.getInputStream()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        all.write(buffer, 0, n);
      }
    } catch (SocketTimeoutException | java.net.SocketException e) {
      // A reset after the answer was sent still leaves the answer in what was read.
      if (all.size() == 0) {
        throw e;
      }
    }
    return all.toByteArray();
  }

  private static Answer parse(byte[] raw) {
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    int headEnd = text.indexOf("\r\n\r\n");
    if (headEnd < 0) {
      throw new IllegalStateException("no complete answer: " + text);
    }
    String[] lines = text.substring(0, headEnd).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.merge(
          lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
          lines[i].substring(colon + 1).strip(),
          (a, b) -> a + ", " + b);
    }
    byte[] rest = java.util.Arrays.copyOfRange(raw, headEnd + 4, raw.length);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      rest = dechunk(rest);
    }
    return new Answer(status, headers, rest);
  }

  private static byte[] dechunk(byte[] chunked) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    int at = 0;
    while (at < chunked.length) {
      int lineEnd = indexOfCrlf(chunked, at);
      String size = new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII).strip();
      int length = Integer.parseInt(size.split(";")[0], 16);
      if (length == 0) {
        break;
      }
      body.write(chunked, lineEnd + 2, length);
      at = lineEnd + 2 + length + 2;
    }
    return body.toByteArray();
  }

  private static int indexOfCrlf(byte[] bytes, int from) {
    for (int i = from; i + 1 < bytes.length; i++) {
      if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
        return i;
      }
    }
    return bytes.length;
  }

  private static void write(ByteArrayOutputStream out, byte[] bytes) {
    out.write(bytes, 0, bytes.length);
  }
}
