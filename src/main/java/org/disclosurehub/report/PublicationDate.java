package org.disclosurehub.report;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code publishedOn}: a calendar date {@code YYYY-MM-DD}, nothing else (no time, no sign, no
 * five-digit year), and one that fits the report's year: not before 1 January of the year it
 * reports on (nothing is published about a year before it begins) and not after today in Beijing (a
 * report cannot have been published in the future). Late reports published years later are
 * plausible and accepted.
 */
final class PublicationDate {
  private static final Pattern SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final DateTimeFormatter STRICT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

  private PublicationDate() {}

  /** Why {@code publishedOn} does not fit a report for {@code year}, if it does not. */
  public static Optional<String> misfit(LocalDate publishedOn, int year, LocalDate today) {
    if (publishedOn == null) {
      return Optional.empty();
    }
    if (publishedOn.getYear() < year) {
      return Optional.of("must not be before " + year + "-01-01: the report is on " + year);
    }
    if (publishedOn.isAfter(today)) {
      return Optional.of("must not be after today (" + today + ", Beijing)");
    }
    return Optional.empty();
  }

  /** Reads {@code "2025-01-20"}; checks the length before parsing. */
  public static final class Deserializer extends JsonDeserializer<LocalDate> {
    @Override
    public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        return (LocalDate)
            ctxt.handleUnexpectedToken(
                LocalDate.class, p.currentToken(), p, "a date is a string such as \"2025-01-20\"");
      }
      String text = p.getText();
      if (text.length() == 10 && SHAPE.matcher(text).matches()) {
        try {
          return LocalDate.parse(text, STRICT);
        } catch (DateTimeParseException noSuchDay) {
          // falls through: 2025-02-30 is not a date
        }
      }
      return (LocalDate)
          ctxt.handleWeirdStringValue(LocalDate.class, text, "not a date YYYY-MM-DD");
    }
  }
}
