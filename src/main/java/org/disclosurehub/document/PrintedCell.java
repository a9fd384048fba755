package org.disclosurehub.document;

/**
 * One cell of a table as the national format prints it: a label, or the value of a report cell
 * named by its JSON Pointer (as in {@link org.disclosurehub.report.ReportLayout#CELLS}).
 */
record PrintedCell(String label, String pointer, int rowspan, int colspan) {

  static PrintedCell label(String text) {
    return new PrintedCell(text, null, 1, 1);
  }

  static PrintedCell label(String text, int rowspan, int colspan) {
    return new PrintedCell(text, null, rowspan, colspan);
  }

  static PrintedCell value(String pointer) {
    return new PrintedCell(null, pointer, 1, 1);
  }

  static PrintedCell value(String pointer, int colspan) {
    return new PrintedCell(null, pointer, 1, colspan);
  }

  public boolean isValue() {
    return pointer != null;
  }
}
