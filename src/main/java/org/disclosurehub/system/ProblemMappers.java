package org.disclosurehub.system;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
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

  @ServerExceptionMapper({
    JsonParseException.class,
    StreamReadException.class,
    StreamConstraintsException.class
  })
  public Response malformedJson(JsonProcessingException e, UriInfo uri) {
    var location = e.getLocation();
    String where =
        location == null || location.getLineNr() < 0
            ? ""
            : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    return respond(
        new ProblemException(
                ProblemType.MALFORMED_JSON,
                "The body is not valid JSON" + where + ": " + parseError(e))
            .problem(),
        uri);
  }

  /** What the parser found, in our words: never a parser setting, never raw request bytes. */
  static String parseError(JsonProcessingException e) {
    String message = String.valueOf(e.getOriginalMessage());
    if (e instanceof StreamConstraintsException) {
      return "it is nested too deeply, or a number, name or string in it is too long";
    }
    if (message.contains("UTF-8") || message.contains("UTF8")) {
      return "it is not valid UTF-8";
    }
    if (message.startsWith("Non-standard token")) {
      return "NaN and Infinity are not JSON numbers";
    }
    if (message.contains("end-of-input")) {
      return "it ends before the JSON value is complete";
    }
    if (message.startsWith("Duplicate field")) {
      return "a field is given twice: " + message.substring("Duplicate field ".length());
    }
    if (message.contains("Trailing token")) {
      return "there is more after the JSON value";
    }
    // Jackson's own hints name its settings ("enable `JsonReadFeature...`"): never pass them on.
    int hint = message.indexOf('`');
    if (hint >= 0) {
      message = message.substring(0, hint).replaceAll("[\\s:;,(]*(enable|disable|set)?\\s*$", "");
    }
    return Problem.escape(message, Problem.MAX_ECHO);
  }

  @ServerExceptionMapper({
    JsonMappingException.class,
    MismatchedInputException.class,
    InvalidFormatException.class,
    UnrecognizedPropertyException.class
  })
  public Response invalidField(JsonMappingException e, UriInfo uri) {
    if (e.getCause() instanceof InputCoercionException) {
      // A number too large for its field (more than 2^31 for a count): the field is at fault.
      String pointer = JsonPointers.of(e.getPath());
      String message =
          "is out of range: a count is at most " + org.disclosurehub.report.CellLimits.MAX_COUNT;
      return respond(
          ProblemException.invalidFields(
                  pointer + ": " + message, List.of(new Problem.FieldError(pointer, message)))
              .problem(),
          uri);
    }
    if (e.getCause() instanceof JsonProcessingException unreadable
        && !(e.getCause() instanceof JsonMappingException)) {
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
    if (e.getCause() instanceof JsonProcessingException parse
        && !(e.getCause() instanceof JsonMappingException)) {
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
              Response.Status.fromStatusCode(status) == null
                  ? "The request failed"
                  : Response.Status.fromStatusCode(status).getReasonPhrase(),
              null,
              null,
              null),
          uri);
    }
    String detail =
        switch (type) {
          case NOT_FOUND -> "No resource at " + uri.getPath();
          case METHOD_NOT_ALLOWED ->
              "This resource does not answer that method"
                  + allowed(e.getResponse().getHeaderString(HttpHeaders.ALLOW));
          case NOT_ACCEPTABLE ->
              "This resource cannot answer in any media type the Accept header asks for; it"
                  + " answers application/json (and text/csv where CSV is offered)";
          case UNSUPPORTED_MEDIA_TYPE ->
              "This resource does not read a body of that Content-Type; reports, agencies and"
                  + " patches are application/json (patches also application/merge-patch+json),"
                  + " imports text/plain, text/html or application/pdf";
          default -> type.title();
        };
    Response answer = respond(new ProblemException(type, detail).problem(), uri);
    String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
    return allow == null
        ? answer
        : Response.fromResponse(answer).header(HttpHeaders.ALLOW, allow).build();
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
        // Only StrictJson refuses a string for its content; Jackson's own refusals are of type.
        return e instanceof InvalidFormatException
            ? "must be valid Unicode text without U+0000 or unpaired surrogates"
            : "must be a string";
      }
      if (target == java.time.LocalDate.class) {
        return "must be a calendar date YYYY-MM-DD such as \"2025-01-20\"";
      }
      if (target.isRecord() || java.util.Map.class.isAssignableFrom(target)) {
        return "must be a JSON object";
      }
    }
    return "has a value of the wrong type";
  }

  private static String allowed(String allow) {
    return allow == null ? "" : "; it answers " + allow;
  }

  private static Response respond(Problem problem, UriInfo uri) {
    Response.ResponseBuilder response =
        Response.status(problem.status())
            .type(PROBLEM_JSON)
            .entity(problem.withInstance(Problem.encodedPath(uri.getPath(), false)).sanitized());
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
