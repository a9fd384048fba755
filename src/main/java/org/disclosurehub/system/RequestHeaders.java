package org.disclosurehub.system;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Rewrites {@code Accept} (RFC 9110 §12.5.1) into a form every endpoint reads alike, before any
 * route sees it: empty list elements are dropped (§5.6.1.2), and so is an element that is not a
 * media range with a valid weight ({@code text/html;q=abc}, {@code html}, a wildcard type with a
 * named subtype). A header with no valid element left ({@code Accept:}, {@code Accept: ,}) is
 * removed: it says no more than an absent one, so the default representation answers. What remains
 * is written back canonically (lower-case type and subtype, the weight last); a media range of
 * weight 0 stays, so that "nothing acceptable" is still 406 where the endpoint decides it.
 *
 * <p>{@code If-Modified-Since} and {@code If-Unmodified-Since} that are not an HTTP-date are
 * removed: RFC 9110 §13.1.3 and §13.1.4 say to ignore them (Quarkus REST answered 500).
 *
 * <p>Without this, Quarkus REST failed on an empty header ("Failed to parse media type", a 500)
 * wherever a resource read the acceptable media types itself, and endpoints answered odd values
 * differently (200 on one, 406 on another).
 */
@ApplicationScoped
class RequestHeaders {
  /** After the gate's own checks (HttpGate), before any resource. */
  static final int ORDER = Integer.MIN_VALUE + 100;

  /** RFC 9110 token characters. */
  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  private static final Pattern QUOTED = Pattern.compile("\"([^\"\\\\]|\\\\.)*\"");

  private static final Pattern QVALUE = Pattern.compile("0(\\.\\d{0,3})?|1(\\.0{0,3})?");

  private static final Pattern WEIGHT_ZERO = Pattern.compile(";q=0(\\.0*)?$");

  /**
   * What a header of weights 0 alone becomes: a media type that nothing is served in, so that every
   * endpoint answers 406 as it does for any type it does not serve.
   */
  static final String NOTHING = "application/x.nothing-acceptable";

  /** More elements than any client sends: the rest are ignored rather than parsed. */
  static final int MAX_ELEMENTS = 64;

  void install(@Observes Router router) {
    router.route().order(ORDER).handler(RequestHeaders::normalise);
  }

  private static void normalise(RoutingContext context) {
    MultiMap headers = context.request().headers();
    List<String> values = headers.getAll(HttpHeaders.ACCEPT);
    if (!values.isEmpty()) {
      String canonical = canonical(String.join(",", values));
      if (canonical == null) {
        headers.remove(HttpHeaders.ACCEPT);
      } else {
        headers.set(HttpHeaders.ACCEPT, canonical);
      }
    }
    for (CharSequence name : DATED) {
      String date = headers.get(name);
      if (date != null && !httpDate(date)) {
        headers.remove(name);
      }
    }
    context.next();
  }

  private static final List<CharSequence> DATED =
      List.of(HttpHeaders.IF_MODIFIED_SINCE, "If-Unmodified-Since");

  /** The three forms RFC 9110 §5.6.7 has a recipient accept: IMF-fixdate, RFC 850, asctime. */
  private static final List<DateTimeFormatter> HTTP_DATES =
      List.of(
          DateTimeFormatter.RFC_1123_DATE_TIME,
          DateTimeFormatter.ofPattern("EEEE, dd-MMM-yy HH:mm:ss zzz", Locale.US),
          DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US));

  static boolean httpDate(String value) {
    for (DateTimeFormatter form : HTTP_DATES) {
      try {
        form.parse(value.strip());
        return true;
      } catch (DateTimeParseException notThisForm) {
        // the next form
      }
    }
    return false;
  }

  /**
   * The header's valid media ranges, comma-separated and canonical; null when there is none, which
   * is the same as no header.
   */
  static String canonical(String header) {
    List<String> ranges = new ArrayList<>();
    boolean excluded = false;
    for (String element : elements(header)) {
      String range = mediaRange(element);
      if (range != null && WEIGHT_ZERO.matcher(range).find()) {
        excluded = true;
      } else if (range != null) {
        ranges.add(range);
      }
    }
    if (ranges.isEmpty()) {
      return excluded ? NOTHING : null;
    }
    return String.join(", ", ranges);
  }

  /** Splits at the commas outside quoted strings; at most {@value #MAX_ELEMENTS} elements. */
  static List<String> elements(String header) {
    List<String> elements = new ArrayList<>();
    int start = 0;
    boolean quoted = false;
    for (int i = 0; i < header.length() && elements.size() < MAX_ELEMENTS; i++) {
      char c = header.charAt(i);
      if (quoted && c == '\\') {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        elements.add(header.substring(start, i).strip());
        start = i + 1;
      }
    }
    if (elements.size() < MAX_ELEMENTS && start <= header.length()) {
      elements.add(header.substring(start).strip());
    }
    elements.removeIf(String::isEmpty);
    return elements;
  }

  /** One element as {@code type/subtype;name=value;q=w}, or null when it is not valid. */
  static String mediaRange(String element) {
    List<String> parts = parameters(element);
    String[] types = parts.get(0).split("/", -1);
    if (types.length != 2 || !TOKEN.matcher(types[0]).matches()) {
      return null;
    }
    if (!TOKEN.matcher(types[1]).matches() || (types[0].equals("*") && !types[1].equals("*"))) {
      return null;
    }
    StringBuilder range =
        new StringBuilder(types[0].toLowerCase(Locale.ROOT))
            .append('/')
            .append(types[1].toLowerCase(Locale.ROOT));
    String weight = null;
    for (String parameter : parts.subList(1, parts.size())) {
      if (parameter.isEmpty()) {
        continue; // "text/html;" is allowed: a parameter is optional after each ";"
      }
      int equals = parameter.indexOf('=');
      if (equals <= 0) {
        return null;
      }
      String name = parameter.substring(0, equals).strip();
      String value = parameter.substring(equals + 1).strip();
      if (!TOKEN.matcher(name).matches()
          || !(TOKEN.matcher(value).matches() || QUOTED.matcher(value).matches())) {
        return null;
      }
      if (name.equalsIgnoreCase("q")) {
        if (weight != null || !QVALUE.matcher(value).matches()) {
          return null;
        }
        weight = value;
      } else if (weight != null) {
        return null; // parameters after the weight are accept-extensions; none is defined
      } else {
        range.append(';').append(name.toLowerCase(Locale.ROOT)).append('=').append(value);
      }
    }
    if (weight != null) {
      range.append(";q=").append(weight);
    }
    return range.toString();
  }

  /** The element split at the semicolons outside quoted strings, each part stripped. */
  private static List<String> parameters(String element) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    boolean quoted = false;
    for (int i = 0; i < element.length(); i++) {
      char c = element.charAt(i);
      if (quoted && c == '\\') {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ';' && !quoted) {
        parts.add(element.substring(start, i).strip());
        start = i + 1;
      }
    }
    parts.add(element.substring(Math.min(start, element.length())).strip());
    return parts;
  }
}
