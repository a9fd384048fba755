package org.disclosurehub.document;

import java.util.List;

/**
 * A table of the national format as printed: its heading, its width in columns and its rows, each a
 * list of cells with their spans (a cell covered by a span above is not listed again, as in HTML).
 * The first {@code headerRows} rows are column headings.
 */
record PrintedTable(String heading, int columns, int headerRows, List<List<PrintedCell>> rows) {}
