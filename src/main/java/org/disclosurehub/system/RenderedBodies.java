package org.disclosurehub.system;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rendered bodies of the pages and documents of regions, by their ETag: a page that many people
 * open is rendered once per change of its data, not once per visit. The ETag names the data (the
 * roll-up's conditional read), so a body kept under it is exactly what rendering would give again.
 * One budget for every user (16 MiB); the least recently used go first.
 */
@ApplicationScoped
public class RenderedBodies {
  private static final long BUDGET_BYTES = 16L * 1024 * 1024;

  private final long budgetBytes;
  private final Map<String, Rendered> bodies = new LinkedHashMap<>(64, 0.75f, true);
  private long usedBytes;

  /** A body with the headers it was answered with (Content-Type, Content-Disposition). */
  private record Rendered(Object entity, MultivaluedMap<String, Object> headers, long bytes) {}

  RenderedBodies() {
    this(BUDGET_BYTES);
  }

  RenderedBodies(long budgetBytes) {
    this.budgetBytes = budgetBytes;
  }

  /** The answer rendered under {@code key} before, or null. */
  public Response.ResponseBuilder answer(String key) {
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
  public Response.ResponseBuilder keep(String key, Response.ResponseBuilder answer) {
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
