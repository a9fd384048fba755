package org.disclosurehub.rollup;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.disclosurehub.region.Regions;

/**
 * A region's roll-up written straight to the generator, field by field in the order of its records'
 * components, as Jackson's bean serializers wrote it (nulls written, counts as numbers, ratios as
 * decimals): no serializer is looked up and no accessor called by reflection per request. The
 * tables are {@link SummedTable}s, which write themselves. Registered with the service's mapper
 * ({@link Registration}), so that the record knows nothing of it.
 */
final class RollupJson extends StdSerializer<RegionRollup> {
  RollupJson() {
    super(RegionRollup.class);
  }

  /** Adds the writer to the mapper the service answers with. */
  @Singleton
  static final class Registration implements ObjectMapperCustomizer {
    @Override
    public void customize(ObjectMapper mapper) {
      mapper.registerModule(new SimpleModule("region-rollup").addSerializer(new RollupJson()));
    }
  }

  @Override
  public void serialize(RegionRollup rollup, JsonGenerator g, SerializerProvider serializers)
      throws IOException {
    g.writeStartObject();
    g.writeFieldName("region");
    region(rollup.region(), g);
    string(g, "scope", rollup.scope());
    g.writeNumberField("year", rollup.year());
    g.writeFieldName("formats");
    if (rollup.formats() == null) {
      g.writeNull();
    } else {
      g.writeStartObject();
      for (Map.Entry<String, Integer> format : rollup.formats().entrySet()) {
        g.writeFieldName(format.getKey());
        number(g, format.getValue());
      }
      g.writeEndObject();
    }
    table(g, "activeDisclosure", rollup.activeDisclosure(), serializers);
    table(g, "activeDisclosure2019", rollup.activeDisclosure2019(), serializers);
    table(g, "requests", rollup.requests(), serializers);
    table(g, "reviews", rollup.reviews(), serializers);
    RegionRollup.PublishedItemsSum published = rollup.publishedItems();
    g.writeObjectFieldStart("publishedItems");
    g.writeNumberField("total", published.total());
    g.writeNumberField("reportsStating", published.reportsStating());
    g.writeEndObject();
    completeness(rollup.completeness(), g);
    consistency(rollup.consistency(), g);
    indicators(rollup.indicators(), g);
    g.writeEndObject();
  }

  private static void region(RegionRollup.Region region, JsonGenerator g) throws IOException {
    g.writeStartObject();
    string(g, "code", region.code());
    string(g, "name", region.name());
    string(g, "level", region.level() == null ? null : region.level().name());
    g.writeArrayFieldStart("parents");
    for (Regions.Region parent : region.parents()) {
      g.writeStartObject();
      string(g, "code", parent.code());
      string(g, "name", parent.name());
      string(g, "level", parent.level() == null ? null : parent.level().name());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void table(
      JsonGenerator g, String name, SummedTable table, SerializerProvider serializers)
      throws IOException {
    g.writeFieldName(name);
    table.serialize(g, serializers);
  }

  private static void completeness(RegionRollup.Completeness completeness, JsonGenerator g)
      throws IOException {
    g.writeObjectFieldStart("completeness");
    g.writeNumberField("expected", completeness.expected());
    g.writeNumberField("reported", completeness.reported());
    g.writeNumberField("onTime", completeness.onTime());
    g.writeNumberField("late", completeness.late());
    g.writeNumberField("latenessUnknown", completeness.latenessUnknown());
    agencies(g, "missing", completeness.missing());
    agencies(g, "outsideRoster", completeness.outsideRoster());
    g.writeEndObject();
  }

  private static void agencies(JsonGenerator g, String name, List<RegionRollup.AgencyRef> agencies)
      throws IOException {
    if (agencies == null) {
      g.writeNullField(name);
      return;
    }
    g.writeArrayFieldStart(name);
    for (RegionRollup.AgencyRef agency : agencies) {
      g.writeStartObject();
      string(g, "code", agency.code());
      string(g, "name", agency.name());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void consistency(RegionRollup.Consistency consistency, JsonGenerator g)
      throws IOException {
    g.writeObjectFieldStart("consistency");
    g.writeArrayFieldStart("inconsistentReports");
    for (RegionRollup.InconsistentReport report : consistency.inconsistentReports()) {
      g.writeStartObject();
      string(g, "agency", report.agency());
      strings(g, "rules", report.rules());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeNumberField("carryOverMismatches", consistency.carryOverMismatches());
    g.writeNumberField("carryOverExplained", consistency.carryOverExplained());
    g.writeArrayFieldStart("warnings");
    for (RegionRollup.WarnedReports warned : consistency.warnings()) {
      g.writeStartObject();
      string(g, "rule", warned.rule());
      g.writeNumberField("reports", warned.reports());
      strings(g, "agencies", warned.agencies());
      g.writeNumberField("open", warned.open());
      g.writeNumberField("explained", warned.explained());
      strings(g, "explainedAgencies", warned.explainedAgencies());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeObjectFieldStart("warningTotals");
    g.writeNumberField("open", consistency.warningTotals().open());
    g.writeNumberField("explained", consistency.warningTotals().explained());
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void indicators(RegionRollup.Indicators indicators, JsonGenerator g)
      throws IOException {
    g.writeObjectFieldStart("indicators");
    decimal(g, "disclosureRate", indicators.disclosureRate());
    decimal(g, "denialRate", indicators.denialRate());
    correction(g, "administrativeReview", indicators.administrativeReview());
    correction(g, "litigationDirect", indicators.litigationDirect());
    correction(g, "litigationAfterReview", indicators.litigationAfterReview());
    g.writeEndObject();
  }

  private static void correction(JsonGenerator g, String name, RegionRollup.Correction correction)
      throws IOException {
    g.writeFieldName(name);
    if (correction == null) {
      g.writeNull();
      return;
    }
    g.writeStartObject();
    decimal(g, "correctionRate", correction.correctionRate());
    g.writeEndObject();
  }

  private static void strings(JsonGenerator g, String name, List<String> values)
      throws IOException {
    if (values == null) {
      g.writeNullField(name);
      return;
    }
    g.writeArrayFieldStart(name);
    for (String value : values) {
      if (value == null) {
        g.writeNull();
      } else {
        g.writeString(value);
      }
    }
    g.writeEndArray();
  }

  private static void string(JsonGenerator g, String name, String value) throws IOException {
    g.writeFieldName(name);
    if (value == null) {
      g.writeNull();
    } else {
      g.writeString(value);
    }
  }

  private static void number(JsonGenerator g, Integer value) throws IOException {
    if (value == null) {
      g.writeNull();
    } else {
      g.writeNumber(value);
    }
  }

  private static void decimal(JsonGenerator g, String name, BigDecimal value) throws IOException {
    g.writeFieldName(name);
    if (value == null) {
      g.writeNull();
    } else {
      g.writeNumber(value);
    }
  }
}
