package org.disclosurehub.importer;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;

/**
 * Measures the character maps (CMaps) of a PDF's fonts before PDFBox reads them, so that a damaged
 * or hostile map is refused at once instead of stalling the reader.
 *
 * <p>PDFBox 3.0.8's {@code CMapParser} expands every {@code bfrange} entry code by code in a loop
 * nothing can interrupt: a damaged ToUnicode map whose range runs from {@code <7EDAD0>} to {@code
 * <63553A10>} holds one thread for minutes. This class reads each map the way that parser tokenises
 * it and counts the codes it would expand, erring on the side of counting too many; {@link
 * #requirePlausible} refuses a document whose counts no font needs.
 */
final class PdfFontMaps {
  /** A font has at most 65,536 glyph codes (two-byte codes); twice that allows sloppy overlaps. */
  static final long MAX_CODES_PER_MAP = 2 * 65_536L;

  /** All the maps of a document together: a report uses a handful of fonts. */
  static final long MAX_CODES = 8 * 65_536L;

  /** A map of every two-byte code written out one per line is about 1.5 MB. */
  static final int MAX_MAP_BYTES = 4_000_000;

  /** PDFBox reads nested arrays and dictionaries recursively; a real map nests two deep. */
  static final int MAX_NESTING = 32;

  /** What a PDF's maps would cost PDFBox to read. */
  record Measure(int maps, long codes, long largestMap) {}

  private PdfFontMaps() {}

  /**
   * @throws Implausible naming what is wrong, for the first map no real font has
   */
  static Measure requirePlausible(COSDocument document) {
    int maps = 0;
    long codes = 0;
    long largest = 0;
    for (COSStream map : mapsOf(document)) {
      long mapCodes = codesOf(map);
      maps++;
      codes += mapCodes;
      largest = Math.max(largest, mapCodes);
      if (mapCodes > MAX_CODES_PER_MAP) {
        throw new Implausible(
            "a font's character map (ToUnicode CMap) maps "
                + mapCodes
                + " codes; a font has at most 65536");
      }
      if (codes > MAX_CODES) {
        throw new Implausible(
            "the fonts' character maps (ToUnicode CMaps) map "
                + codes
                + " codes together; a report's fonts need far fewer (at most "
                + MAX_CODES
                + ")");
      }
    }
    return new Measure(maps, codes, largest);
  }

  /** What a map, or the maps together, would make PDFBox do that no real PDF needs. */
  static final class Implausible extends RuntimeException {
    Implausible(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Every stream used as a font's ToUnicode map, a Type 0 font's embedded encoding or a map's
   * {@code UseCMap}, found by walking every object reachable from the trailer once (so a font in a
   * form, a pattern, an annotation or an object stream is found too, and a cycle is no loop).
   */
  static Set<COSStream> mapsOf(COSDocument document) {
    Set<COSStream> maps = new LinkedHashSet<>();
    Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<COSBase> pending = new ArrayDeque<>();
    pending.push(document.getTrailer());
    while (!pending.isEmpty()) {
      COSBase next = pending.pop();
      if (next instanceof COSObject reference) {
        next = dereference(reference);
      }
      if (next == null || !seen.add(next)) {
        continue;
      }
      if (next instanceof COSDictionary dictionary) {
        for (COSName key : new COSName[] {COSName.TO_UNICODE, COSName.ENCODING, COSName.USE_CMAP}) {
          if (dictionary.getDictionaryObject(key) instanceof COSStream map) {
            maps.add(map);
          }
        }
        pending.addAll(dictionary.getValues());
      } else if (next instanceof COSArray array) {
        for (int i = 0; i < array.size(); i++) {
          pending.push(array.get(i));
        }
      }
    }
    return maps;
  }

  private static COSBase dereference(COSObject reference) {
    try {
      return reference.getObject();
    } catch (RuntimeException e) {
      // An object PDFBox cannot parse is no font it will load either.
      return null;
    }
  }

  private static long codesOf(COSStream map) {
    byte[] text;
    try (InputStream in = map.createInputStream()) {
      text = in.readNBytes(MAX_MAP_BYTES + 1);
    } catch (IOException | RuntimeException e) {
      return 0; // PDFBox cannot decode it either, and then reads no map from it
    }
    if (text.length > MAX_MAP_BYTES) {
      throw new Implausible(
          "a font's character map (ToUnicode CMap) is over "
              + MAX_MAP_BYTES
              + " bytes; a font's map is far smaller");
    }
    CMapCodes.Counted counted = CMapCodes.count(text, MAX_NESTING);
    if (counted.deepestNesting() > MAX_NESTING) {
      throw new Implausible(
          "a font's character map (ToUnicode CMap) nests arrays or dictionaries over "
              + MAX_NESTING
              + " deep; a font's map nests two deep");
    }
    return counted.codes();
  }
}
