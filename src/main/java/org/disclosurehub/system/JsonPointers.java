package org.disclosurehub.system;

import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.Path;
import java.util.List;
import org.disclosurehub.report.JsonPointer;

/** RFC 6901 JSON Pointers for the places Jackson and Bean Validation name. */
final class JsonPointers {
  private JsonPointers() {}

  static String of(List<JsonMappingException.Reference> path) {
    StringBuilder pointer = new StringBuilder();
    for (JsonMappingException.Reference ref : path) {
      pointer
          .append('/')
          .append(
              ref.getFieldName() != null
                  ? JsonPointer.escape(ref.getFieldName())
                  : Integer.toString(ref.getIndex()));
    }
    return pointer.toString();
  }

  static String of(Path path) {
    StringBuilder pointer = new StringBuilder();
    for (Path.Node node : path) {
      if (node.getKind() == jakarta.validation.ElementKind.METHOD
          || node.getKind() == jakarta.validation.ElementKind.PARAMETER) {
        continue;
      }
      if (node.getKey() != null) {
        pointer.append('/').append(JsonPointer.escape(node.getKey().toString()));
      } else if (node.getIndex() != null) {
        pointer.append('/').append(node.getIndex());
      }
      if (node.getName() != null && !node.getName().startsWith("<")) {
        pointer.append('/').append(JsonPointer.escape(node.getName()));
      }
    }
    return pointer.toString();
  }
}
