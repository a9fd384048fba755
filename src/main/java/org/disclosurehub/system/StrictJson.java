package org.disclosurehub.system;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import org.disclosurehub.report.Storable;

/**
 * Reads request bodies strictly: a count sent as "12", 12.0 or 1.5 is refused rather than quietly
 * converted, and a key given twice is an error, so that no number is ever guessed. Unknown fields
 * are refused through {@code quarkus.jackson.fail-on-unknown-properties}. Every string and map key
 * must be text PostgreSQL stores exactly: no U+0000 and no lone surrogate (a JSON escape such as
 * {@code "\\uDC00"} can make one); such a value is refused, never trimmed or replaced. Whether the
 * bytes are UTF-8 at all is checked before parsing ({@link Utf8Bodies}).
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {
  /** Most JSON tokens a body may have: a report of the national format has under a thousand. */
  static final long MAX_TOKENS = 20_000;

  @Override
  public void customize(ObjectMapper mapper) {
    configure(mapper);
  }

  /** Applies the strict reading rules to any mapper, also the one reports are stored with. */
  public static ObjectMapper configure(ObjectMapper mapper) {
    mapper.registerModule(
        new SimpleModule("storable-text")
            .addDeserializer(String.class, new StorableString())
            .addKeyDeserializer(String.class, new StorableKey()));
    mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    // Field names are not kept in Jackson's shared symbol table: a body of tens of thousands of
    // distinct keys made it grow and rehash, costing seconds per megabyte (issue 22); without it
    // parsing stays linear, and the few names of a report cost nothing to allocate.
    mapper.getFactory().configure(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES, false);
    // A report is under a thousand tokens. Beyond MAX_TOKENS the parser stops at once, rather than
    // buffer the rest for a record's creator (80,000 unknown keys took a second per megabyte).
    mapper
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxTokenCount(MAX_TOKENS).build());
    mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Boolean}) {
      mapper
          .coercionConfigFor(type)
          .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    }
    mapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    return mapper;
  }

  private static final class StorableString extends StdScalarDeserializer<String> {
    StorableString() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String text = StringDeserializer.instance.deserialize(p, ctxt);
      if (text != null && !Storable.text(text)) {
        return (String) ctxt.handleWeirdStringValue(String.class, "", "not storable text");
      }
      return text;
    }
  }

  private static final class StorableKey extends KeyDeserializer {
    @Override
    public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
      if (!Storable.text(key)) {
        return ctxt.handleWeirdKey(String.class, "", "not storable text");
      }
      return key;
    }
  }
}
