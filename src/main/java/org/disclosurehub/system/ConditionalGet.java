package org.disclosurehub.system;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Arrays;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * {@code If-None-Match} on every read (RFC 9110 §13.1.2): a GET or HEAD whose answer would be 200
 * answers 304 without a body when the header is {@code *} (the resource exists) or lists the
 * answer's entity tag (weak comparison). Resources only set their {@code ETag}; roll-ups answer 304
 * themselves before computing anything.
 */
class ConditionalGet {

  @ServerResponseFilter
  public void notModified(ContainerRequestContext request, ContainerResponseContext response) {
    String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
    if (ifNoneMatch == null
        || response.getStatus() != 200
        || !(request.getMethod().equals("GET") || request.getMethod().equals("HEAD"))) {
      return;
    }
    Object tag = response.getHeaders().getFirst(HttpHeaders.ETAG);
    if (ifNoneMatch.strip().equals("*") || tag != null && listed(ifNoneMatch, tag.toString())) {
      response.setStatus(304);
      response.setEntity(null);
      response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
    }
  }

  private static boolean listed(String header, String etag) {
    String opaque = weakless(etag);
    return Arrays.stream(header.split(",")).map(t -> weakless(t.strip())).anyMatch(opaque::equals);
  }

  private static String weakless(String tag) {
    return tag.startsWith("W/") ? tag.substring(2) : tag;
  }
}
