package org.disclosurehub.system;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a report body over {@link HubConfig#maxReportBytes()} before it is read, with a problem
 * body. Bodies without a length are capped by {@code quarkus.http.limits.max-body-size}.
 */
class BodySizeLimit {
  private final HubConfig config;

  BodySizeLimit(HubConfig config) {
    this.config = config;
  }

  @ServerRequestFilter(preMatching = true)
  public Response refuseLargeBodies(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    long limit =
        path.startsWith("/api/v1/imports") ? config.maxImportBytes() : config.maxReportBytes();
    if (request.getLength() > limit) {
      Problem problem =
          new ProblemException(
                  ProblemType.PAYLOAD_TOO_LARGE,
                  "The body has "
                      + request.getLength()
                      + " bytes; at most "
                      + limit
                      + " are accepted")
              .problem()
              .withInstance(path);
      return Response.status(413).type(ProblemMappers.PROBLEM_JSON).entity(problem).build();
    }
    return null;
  }
}
