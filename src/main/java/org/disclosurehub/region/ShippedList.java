package org.disclosurehub.region;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.TreeMap;

/**
 * The GB/T 2260 list as shipped ({@value #RESOURCE}): names by code, read once. {@link Division}
 * checks codes against it and {@link Regions} answers from it, neither through the other.
 */
final class ShippedList {
  static final String RESOURCE = "regions/gbt2260.tsv";

  /** By code, so that a region's children are a contiguous range. */
  static final TreeMap<String, String> NAMES = load();

  private ShippedList() {}

  static boolean contains(String code) {
    return code != null && NAMES.containsKey(code);
  }

  private static TreeMap<String, String> load() {
    TreeMap<String, String> names = new TreeMap<>();
    try (InputStream in = ShippedList.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the class path");
      }
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] codeAndName = line.split("\t", 2);
        names.put(codeAndName[0], codeAndName[1]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return names;
  }
}
