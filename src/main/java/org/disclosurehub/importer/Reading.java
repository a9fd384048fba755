package org.disclosurehub.importer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the reader made of a published text: every value read with the source line it came from, and
 * every row it recognised but could not read, with the reason.
 *
 * @param cells the cells of Tables 二, 三 and 四 read, by JSON Pointer: {@link Integer} counts and
 *     {@link BigDecimal} amounts
 * @param provenance the source line of every value read, by JSON Pointer
 * @param sources where (line, column) and how (label exact or similar, placed by order, blank read
 *     as 0, decided by the rules) every value was read, by JSON Pointer
 * @param tablesFound whether any of the headings of Tables 二, 三, 四 was found at all
 */
record Reading(
    String formatVersion,
    Integer year,
    Integer yearLine,
    LocalDate publishedOn,
    Integer publishedItemsTotal,
    String overview,
    String problems,
    String other,
    Map<String, Object> cells,
    Map<String, Integer> provenance,
    Map<String, ReadingSink.CellSource> sources,
    List<Unparsed> unparsed,
    List<String> notes,
    boolean tablesFound) {}
