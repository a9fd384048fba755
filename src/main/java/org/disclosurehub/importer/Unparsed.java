package org.disclosurehub.importer;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A line the importer recognised as part of the report but could not read unambiguously. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
    requiredProperties = {"line", "text", "reason"},
    description = "A line recognised as part of the report but not read, and why")
record Unparsed(
    @Schema(
            description =
                "Line number in the text as sent (1-based); for a PDF, the line on its `page`",
            example = "57")
        int line,
    @Schema(
            description = "The line as sent, shortened to 300 characters",
            example = "一、本年新收政府信息公开申请数量\t\t86\t12\t—\t0\t3\t2\t104")
        String text,
    @Schema(
            description = "Why it was not read",
            example = "'—' under 科研机构 is not a whole number; the row is not read")
        String reason,
    @Schema(
            description = "JSON Pointer of the row or value it would have filled, when known",
            example = "/requests/newlyReceived")
        String pointer,
    @Schema(
            description =
                "For a PDF: the page the line is on; `line` is then the line on that page",
            example = "3")
        Integer page) {

  Unparsed(int line, String text, String reason, String pointer) {
    this(line, text, reason, pointer, null);
  }

  /** The same line named by its page and its line on the page. */
  Unparsed onPage(Pages pages) {
    return new Unparsed(pages.lineOnPage(line), text, reason, pointer, pages.page(line));
  }

  /** Where the line is, in words. */
  String where() {
    return page == null ? "line " + line : "page " + page + ", line " + line;
  }
}
