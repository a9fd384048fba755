package org.disclosurehub.system;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.disclosurehub.report.Amounts;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place where exceptions become RFC 9457 problems. No Java class name ever leaks. */
public class ProblemMappers {

  public static final String PROBLEM_JSON = "application/problem+json";

  /** The RFC 6750 challenge of a 401 ({@code WWW-Authenticate}). */
  public static final String BEARER_CHALLENGE = "Bearer realm=\"disclosure-hub\"";

  @ServerExceptionMapper
  public Response problem(ProblemException e, UriInfo uri) {
    return respond(e.problem(), uri);
  }

  /** No token, or none that this operation accepts: RFC 6750 asks for a Bearer challenge. */
  @ServerExceptionMapper
  public Response unauthorized(UnauthorizedException e, UriInfo uri) {
    return respond(
        new ProblemException(
                ProblemType.UNAUTHORIZED,
                "This operation needs a bearer token: Authorization: Bearer <token>")
            .problem(),
        uri);
  }

  /** A token was given but is unknown, revoked or malformed; the token is never echoed. */
  @ServerExceptionMapper
  public Response invalidToken(AuthenticationFailedException e, UriInfo uri) {
    return respond(
        new ProblemException(
                ProblemType.INVALID_TOKEN,
                "The bearer token is not valid: unknown, revoked or not issued by this service")
            .problem(),
        uri);
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e, UriInfo uri) {
    return respond(
        new ProblemException(
                ProblemType.FORBIDDEN,
                "This operation needs the admin token; an agency token may only write its own"
                    + " agency's reports")
            .problem(),
        uri);
  }

  @ServerExceptionMapper({JsonParseException.class, StreamReadException.class})
  public Response malformedJson(JsonProcessingException e, UriInfo uri) {
    var location = e.getLocation();
    String where =
        location == null
            ? ""
            : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    return respond(
        new ProblemException(ProblemType.MALFORMED_JSON, e.getOriginalMessage() + where).problem(),
        uri);
  }

  @ServerExceptionMapper({
    JsonMappingException.class,
    MismatchedInputException.class,
    InvalidFormatException.class,
    UnrecognizedPropertyException.class
  })
  public Response invalidField(JsonMappingException e, UriInfo uri) {
    if (e.getCause() instanceof StreamReadException unreadable) {
      // Databinding wraps a parse error (such as a truncated body) with the path it reached.
      return malformedJson(unreadable, uri);
    }
    String pointer = JsonPointers.of(e.getPath());
    String message;
    if (e instanceof UnrecognizedPropertyException) {
      message = "unknown field: not part of the report format";
    } else if (e.getPath().isEmpty()) {
      message = "the body must be a JSON object of the expected shape";
    } else {
      message = describe(e);
    }
    return respond(
        ProblemException.invalidFields(
                (pointer.isEmpty() ? "body" : pointer) + ": " + message,
                List.of(new Problem.FieldError(pointer, message)))
            .problem(),
        uri);
  }

  @ServerExceptionMapper
  public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
    return respond(fieldProblem(e.getConstraintViolations()).problem(), uri);
  }

  @ServerExceptionMapper
  public Response webApplication(WebApplicationException e, UriInfo uri) {
    // Quarkus REST wraps a body that does not parse; answer it like any other JSON error.
    if (e.getCause() instanceof JsonParseException parse) {
      return malformedJson(parse, uri);
    }
    if (e.getCause() instanceof JsonMappingException mapping) {
      return invalidField(mapping, uri);
    }
    ProblemType type = null;
    if (e instanceof NotFoundException) {
      type = ProblemType.NOT_FOUND;
    } else if (e instanceof NotAllowedException) {
      type = ProblemType.METHOD_NOT_ALLOWED;
    } else if (e instanceof NotSupportedException) {
      type = ProblemType.UNSUPPORTED_MEDIA_TYPE;
    } else if (e instanceof NotAcceptableException) {
      type = ProblemType.NOT_ACCEPTABLE;
    }
    int status = e.getResponse().getStatus();
    if (type == null) {
      return respond(
          new Problem(
              "about:blank",
              Response.Status.fromStatusCode(status) == null
                  ? "Error"
                  : Response.Status.fromStatusCode(status).getReasonPhrase(),
              status,
              e.getMessage(),
              null,
              null,
              null),
          uri);
    }
    String detail =
        type == ProblemType.NOT_FOUND ? "No resource at " + uri.getPath() : e.getMessage();
    return respond(new ProblemException(type, detail).problem(), uri);
  }

  @ServerExceptionMapper
  public Response unexpected(Throwable e, UriInfo uri) {
    if (DatabaseUnavailable.causedBy(e)) {
      // Nothing was committed (a write is acknowledged only after its commit): retrying is safe.
      Log.warnf("PostgreSQL unreachable on %s: %s", uri.getPath(), DatabaseUnavailable.reason(e));
      return Response.fromResponse(
              respond(
                  new ProblemException(
                          ProblemType.SERVICE_UNAVAILABLE,
                          "The database cannot be reached or has no connection free; nothing"
                              + " was stored. Retry after "
                              + DatabaseUnavailable.RETRY_AFTER_SECONDS
                              + " seconds.")
                      .problem(),
                  uri))
          .header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS)
          .build();
    }
    Log.errorf(e, "Unexpected error on %s", uri.getPath());
    return respond(
        new ProblemException(
                ProblemType.INTERNAL, "The server failed to answer this request; it was logged.")
            .problem(),
        uri);
  }

  /** Bean Validation findings as a 400 problem that lists every field. */
  public static ProblemException fieldProblem(
      java.util.Set<? extends ConstraintViolation<?>> violations) {
    List<Problem.FieldError> errors =
        violations.stream()
            .map(
                v ->
                    new Problem.FieldError(
                        JsonPointers.of(v.getPropertyPath()), messageFor(v.getMessage())))
            .sorted(Comparator.comparing(Problem.FieldError::pointer))
            .toList();
    String detail =
        errors.stream().map(f -> f.pointer() + " " + f.message()).collect(Collectors.joining("; "));
    return ProblemException.invalidFields(detail, errors);
  }

  private static String messageFor(String message) {
    return "must not be null".equals(message) ? "is required" : message;
  }

  private static String describe(JsonMappingException e) {
    if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
      Class<?> target = m.getTargetType();
      if (target == Integer.class || target == int.class || target == Long.class) {
        return "must be a whole number";
      }
      if (target == java.math.BigDecimal.class) {
        return "must be a decimal string with at most "
            + Amounts.MAX_DECIMALS
            + " decimals, such as \"24252.311082\"";
      }
      if (target == String.class) {
        return "must be a string";
      }
      if (target == java.time.LocalDate.class) {
        return "must be a date such as \"2025-01-20\"";
      }
      if (target.isRecord() || java.util.Map.class.isAssignableFrom(target)) {
        return "must be a JSON object";
      }
    }
    return "has a value of the wrong type";
  }

  private static Response respond(Problem problem, UriInfo uri) {
    Response.ResponseBuilder response =
        Response.status(problem.status())
            .type(PROBLEM_JSON)
            .entity(problem.withInstance(uri.getPath()));
    if (problem.status() == 401) {
      response.header(
          "WWW-Authenticate",
          problem.type().equals(ProblemType.INVALID_TOKEN.uri())
              ? BEARER_CHALLENGE + ", error=\"invalid_token\""
              : BEARER_CHALLENGE);
    }
    return response.build();
  }
}
