package org.disclosurehub.submission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;
import org.disclosurehub.report.ApplicantRow;
import org.disclosurehub.report.Report;
import org.disclosurehub.report.RuleViolation;
import org.disclosurehub.system.StrictJson;

/**
 * The canonical JSON text of a report: fields in the order of the format, map keys sorted, no white
 * space. Its SHA-256 ({@code Sha256.hex}) is the report's content hash, so the same report always
 * hashes the same however the client ordered or spaced its JSON.
 */
final class ReportJson {
  private static final ObjectMapper CANONICAL =
      StrictJson.configure(
          JsonMapper.builder()
              .addModule(new JavaTimeModule())
              .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
              .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
              .build());

  private ReportJson() {}

  static String write(Object value) {
    try {
      return CANONICAL.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a report always serialises", e);
    }
  }

  static Report readReport(String json) {
    try {
      return CANONICAL.readValue(json, Report.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored report always reads back", e);
    }
  }

  static ApplicantRow readApplicantRow(String json) {
    try {
      return CANONICAL.readValue(json, ApplicantRow.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored row always reads back", e);
    }
  }

  static List<RuleViolation> readViolations(String json) {
    try {
      return CANONICAL.readValue(json, new TypeReference<List<RuleViolation>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored violations always read back", e);
    }
  }
}
