package org.disclosurehub.system;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rendered bodies of the pages and documents of regions, by their ETag: a page that many people
 * open is rendered once per change of its data, not once per visit. The ETag names the data (the
 * roll-up's conditional read), so a body kept under it is exactly what rendering would give again.
 * One budget for every user (16 MiB); the least recently used go first. The answers of roll-up
 * reads as of a day that is over are kept here too, under the request and the region's state.
 *
 * <p>A body is kept only where it is likely to be read: when its variant (URL and representation)
 * is rendered again for the same data (a variant seen once, a page number or sort that one visitor
 * opened, is rarely asked again), or when the variant's last kept body was read at least once (a
 * page people open, whose data changed). A body kept without use lives until the budget evicts it,
 * long enough to reach the old generation, where with the Deployment's heap (about 50 MB, kept at
 * most 20 % free) a few megabytes of such bodies a second bring on a full collection every few
 * seconds (bench/README, issue 28); a variant whose data changes before each visit (a document
 * during a burst of filings) is therefore rendered at each visit and not kept. Bodies are kept as
 * the bytes sent, so a kept answer is not encoded again.
 */
@ApplicationScoped
public class RenderedBodies {
  private static final long BUDGET_BYTES = 16L * 1024 * 1024;

  /** How many variants are remembered as rendered before (a few hundred KB of keys). */
  private static final int SEEN_VARIANTS = 4096;

  private final long budgetBytes;
  private final Map<String, Rendered> bodies = new LinkedHashMap<>(64, 0.75f, true);
  private final Map<String, Seen> seen = LeastRecentlyUsed.map(SEEN_VARIANTS);
  private long usedBytes;

  /** A body with the headers it was answered with (Content-Type, Content-Disposition). */
  private record Rendered(byte[] entity, MultivaluedMap<String, Object> headers, Use use) {}

  /**
   * Whether a kept body was answered (apart from the body, so that remembering it keeps no bytes).
   */
  private static final class Use {
    private boolean read;
  }

  /** A variant's last render: under what key, and the use of the body last kept for it. */
  private static final class Seen {
    private String key;
    private Use kept;

    private Seen(String key) {
      this.key = key;
    }
  }

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
      if (rendered == null) {
        return null;
      }
      rendered.use().read = true;
    }
    Response.ResponseBuilder answer = Response.ok(rendered.entity());
    rendered.headers().forEach((name, values) -> values.forEach(v -> answer.header(name, v)));
    return answer;
  }

  /**
   * Keeps a 200 answer of {@code variant} whose body is text or bytes, if the variant was rendered
   * before for the same {@code key} or its last kept body was read; returns the answer to send (a
   * text body as its bytes).
   */
  public Response.ResponseBuilder keep(
      String variant, String key, Response.ResponseBuilder answer) {
    Response response = answer.build();
    byte[] bytes = bytes(response);
    if (bytes == null) {
      return Response.fromResponse(response);
    }
    Response.ResponseBuilder sent = Response.fromResponse(response).entity(bytes);
    if (response.getStatus() != 200 || bytes.length > budgetBytes / 8) {
      return sent;
    }
    Seen last;
    boolean wanted;
    synchronized (this) {
      last = seen.get(variant);
      if (last == null) {
        seen.put(variant, new Seen(key));
        return sent;
      }
      wanted = key.equals(last.key) || (last.kept != null && last.kept.read);
      last.key = key;
    }
    if (wanted) {
      MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
      response.getHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
      Use use = new Use();
      synchronized (this) {
        last.kept = use;
        Rendered previous = bodies.put(key, new Rendered(bytes, headers, use));
        usedBytes += bytes.length - (previous == null ? 0 : previous.entity().length);
        for (Iterator<Rendered> oldest = bodies.values().iterator();
            usedBytes > budgetBytes && oldest.hasNext(); ) {
          usedBytes -= oldest.next().entity().length;
          oldest.remove();
        }
      }
    }
    return sent;
  }

  /** The body as the bytes sent (text in its Content-Type's charset, UTF-8 if none), or null. */
  private static byte[] bytes(Response response) {
    Object entity = response.getEntity();
    if (entity instanceof byte[] binary) {
      return binary;
    }
    if (!(entity instanceof String text)) {
      return null;
    }
    MediaType type = response.getMediaType();
    String charset = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
    return text.getBytes(charset == null ? StandardCharsets.UTF_8 : Charset.forName(charset));
  }
}
