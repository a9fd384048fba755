package org.disclosurehub.rollup;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rendered bodies of the pages and documents of regions, by their ETag: a page that many people
 * open is rendered once per change of its data, not once per visit. The ETag names the data (see
 * {@link ConditionalRead}), so a body kept under it is exactly what rendering would give again.
 * Bounded by size; the least recently used go first.
 */
final class RenderedBodies {
  private final long budgetBytes;
  private final Map<String, Rendered> bodies = new LinkedHashMap<>(64, 0.75f, true);
  private long usedBytes;

  /** A body with the headers it was answered with (Content-Type, Content-Disposition). */
  private record Rendered(Object entity, MultivaluedMap<String, Object> headers, long bytes) {}

  RenderedBodies(long budgetBytes) {
    this.budgetBytes = budgetBytes;
  }

  /** The answer rendered under {@code key} before, or null. */
  Response.ResponseBuilder answer(String key) {
    Rendered rendered;
    synchronized (this) {
      rendered = bodies.get(key);
    }
    if (rendered == null) {
      return null;
    }
    Response.ResponseBuilder answer = Response.ok(rendered.entity());
    rendered.headers().forEach((name, values) -> values.forEach(v -> answer.header(name, v)));
    return answer;
  }

  /** Keeps a 200 answer whose body is text or bytes; returns the answer to send. */
  Response.ResponseBuilder keep(String key, Response.ResponseBuilder answer) {
    Response response = answer.build();
    Object entity = response.getEntity();
    long bytes =
        entity instanceof String text
            ? 2L * text.length()
            : entity instanceof byte[] binary ? binary.length : -1;
    if (response.getStatus() == 200 && bytes >= 0 && bytes <= budgetBytes / 8) {
      MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
      response.getHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
      synchronized (this) {
        Rendered previous = bodies.put(key, new Rendered(entity, headers, bytes));
        usedBytes += bytes - (previous == null ? 0 : previous.bytes());
        for (Iterator<Rendered> oldest = bodies.values().iterator();
            usedBytes > budgetBytes && oldest.hasNext(); ) {
          usedBytes -= oldest.next().bytes();
          oldest.remove();
        }
      }
    }
    return Response.fromResponse(response);
  }
}
