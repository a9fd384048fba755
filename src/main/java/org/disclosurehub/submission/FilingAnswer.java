package org.disclosurehub.submission;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Map;
import org.disclosurehub.report.PublishedItems;
import org.disclosurehub.report.Report;

/**
 * A filing's answer, the {@link ReportView} of the revision it stored, written with the report's
 * canonical JSON, which the filing made to hash and store, copied in instead of serialising the
 * report a second time (a tenth of a filing's CPU). Both mappers write a report's fields alike;
 * only its one map may differ, which the answer keeps in the order it came in and the canonical
 * text sorts: {@link #of} copies only when the two agree.
 */
final class FilingAnswer {
  private final ReportView view;
  private final String canonicalReport;

  private FilingAnswer(ReportView view, String canonicalReport) {
    this.view = view;
    this.canonicalReport = canonicalReport;
  }

  /**
   * The entity answering a stored revision: {@code content} (the report's canonical JSON, or null)
   * copied where it is what the view's report serialises to, otherwise the view itself.
   */
  static Object of(ReportView view, String content) {
    return content != null && keysInOrder(view.report()) ? new FilingAnswer(view, content) : view;
  }

  /** Whether the report's map iterates in the sorted order the canonical JSON writes it in. */
  private static boolean keysInOrder(Report report) {
    PublishedItems items = report.publishedItems();
    Map<String, Integer> byCategory = items == null ? null : items.byCategory();
    if (byCategory == null) {
      return true;
    }
    String before = null;
    for (String key : byCategory.keySet()) {
      if (before != null && before.compareTo(key) >= 0) {
        return false;
      }
      before = key;
    }
    return true;
  }

  /** Adds the writer to the mapper the service answers with. */
  @Singleton
  static final class Registration implements ObjectMapperCustomizer {
    @Override
    public void customize(ObjectMapper mapper) {
      mapper.registerModule(new SimpleModule("filing-answer").addSerializer(new Writer()));
    }
  }

  /** The fields of {@link ReportView} in the order of its components, as its bean writes them. */
  private static final class Writer extends StdSerializer<FilingAnswer> {
    Writer() {
      super(FilingAnswer.class);
    }

    @Override
    public void serialize(FilingAnswer answer, JsonGenerator g, SerializerProvider serializers)
        throws IOException {
      ReportView view = answer.view;
      g.writeStartObject();
      g.writeStringField("agency", view.agency());
      g.writeNumberField("year", view.year());
      g.writeNumberField("revision", view.revision());
      serializers.defaultSerializeField("submittedAt", view.submittedAt(), g);
      g.writeStringField("contentSha256", view.contentSha256());
      g.writeFieldName("report");
      g.writeRawValue(answer.canonicalReport);
      serializers.defaultSerializeField("violations", view.violations(), g);
      serializers.defaultSerializeField("warnings", view.warnings(), g);
      serializers.defaultSerializeField("textReuse", view.textReuse(), g);
      g.writeEndObject();
    }
  }
}
