package org.disclosurehub.backfill;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.disclosurehub.region.Division;
import org.disclosurehub.region.Regions;

/**
 * Matches the name a report gives its agency to the agencies registered in a division, tolerant of
 * the usual variants: full-width characters and spaces, the names of the divisions it lies in
 * before the name or not ("睢宁县交通运输局", "徐州市睢宁县交通运输局", "交通运输局" registered in 睢宁县), and "人民政府办公室"
 * written "政府办" or "政府办公室". A name that fits several agencies is ambiguous and is never guessed.
 */
final class AgencyNames {
  private static final String[] DIVISION_SUFFIXES = {
    "特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "新区", "林区", "省", "市", "县", "区", "盟", "旗", "州"
  };

  /** A registered agency as the matcher sees it. */
  record Registered(String code, String name, String divisionCode) {}

  /** The outcome for one name: the agencies it fits (one: matched; several: ambiguous). */
  record Match(String name, List<Registered> agencies) {
    boolean unique() {
      return agencies.size() == 1;
    }
  }

  private final List<Registered> registry;
  private final Set<String> divisionNames = new HashSet<>();
  // Each registered name normalized and split once, not once for every name a file gives.
  private final List<String> normalizedNames = new ArrayList<>();
  private final List<Split> splitNames = new ArrayList<>();

  AgencyNames(String divisionCode, List<Registered> registry) {
    this.registry = registry;
    addDivisionNames(divisionCode);
    for (Regions.Region parent : Regions.parents(divisionCode)) {
      addName(parent.name());
    }
    for (Registered agency : registry) {
      String normalized = normalized(agency.name());
      normalizedNames.add(normalized);
      splitNames.add(split(normalized));
    }
  }

  private void addDivisionNames(String code) {
    addName(Regions.name(code));
    if (new Division(code).level() != Division.Level.county) {
      for (Regions.Region child : Regions.children(code)) {
        addDivisionNames(child.code());
      }
    }
  }

  private void addName(String name) {
    if (name == null) {
      return;
    }
    divisionNames.add(normalized(name));
    divisionNames.add(shortForm(normalized(name)));
  }

  /** The agencies the name fits: exactly by its normalized form first, else by its core. */
  Match match(String name) {
    String wanted = normalized(name);
    // The same name exactly, and every agency the name may also mean ("交通运输局" registered so
    // in one county is still any county's 交通运输局).
    List<Registered> fits = new ArrayList<>();
    for (int i = 0; i < registry.size(); i++) {
      if (normalizedNames.get(i).equals(wanted)) {
        fits.add(registry.get(i));
      }
    }
    Split split = split(wanted);
    if (split.core().isEmpty()) {
      return new Match(name, fits);
    }
    for (int i = 0; i < registry.size(); i++) {
      Registered agency = registry.get(i);
      Split theirs = splitNames.get(i);
      if (!theirs.core().equals(split.core())) {
        continue;
      }
      Set<String> known = new HashSet<>(theirs.prefixes());
      known.addAll(placesOf(agency.divisionCode()));
      if (!known.containsAll(split.prefixes())) {
        continue;
      }
      // The most local place the name gives is the agency's own: 中卫市民政局 is not the
      // 民政局 of 中宁县, though 中宁县 lies in 中卫市.
      if (!split.prefixes().isEmpty()) {
        String local = split.prefixes().get(split.prefixes().size() - 1);
        Set<String> own = new HashSet<>(theirs.prefixes());
        own.add(ownPlace(agency.divisionCode()));
        if (!own.contains(local)) {
          continue;
        }
      }
      if (!fits.contains(agency)) {
        fits.add(agency);
      }
    }
    return new Match(name, fits);
  }

  private static String ownPlace(String code) {
    return code == null || !Regions.contains(code) ? "" : shortForm(normalized(Regions.name(code)));
  }

  /** The names (full and short) of an agency's division and the divisions it lies in. */
  private static Set<String> placesOf(String code) {
    Set<String> places = new HashSet<>();
    if (code == null || !Regions.contains(code)) {
      return places;
    }
    List<String> names = new ArrayList<>();
    names.add(Regions.name(code));
    Regions.parents(code).forEach(p -> names.add(p.name()));
    for (String n : names) {
      places.add(shortForm(normalized(n)));
    }
    return places;
  }

  private record Split(List<String> prefixes, String core) {}

  /** The division names the name starts with (as short forms), and what follows them. */
  private Split split(String name) {
    List<String> prefixes = new ArrayList<>();
    String rest = name;
    boolean stripped = true;
    while (stripped) {
      stripped = false;
      for (int length = Math.min(rest.length() - 1, 12); length >= 2; length--) {
        String head = rest.substring(0, length);
        if (divisionNames.contains(head)) {
          prefixes.add(shortForm(head));
          rest = rest.substring(length);
          stripped = true;
          break;
        }
      }
    }
    // "市自然资源局", "县政府办": the city's or county's own, said without its name.
    if ((rest.startsWith("市") && !rest.startsWith("市场") && !rest.startsWith("市政"))
        || rest.startsWith("县")
        || rest.startsWith("区")) {
      rest = rest.substring(1);
    }
    return new Split(prefixes, rest);
  }

  /** Full-width to half-width, no spaces, "人民政府办公室" as "政府办". */
  static String normalized(String name) {
    String n = Normalizer.normalize(name, Normalizer.Form.NFKC).replaceAll("[\\s\\u3000]+", "");
    n = n.replace("人民政府办公室", "政府办").replace("人民政府办公厅", "政府办");
    n = n.replace("政府办公室", "政府办").replace("政府办公厅", "政府办");
    n = n.replace("人民政府", "政府");
    return n;
  }

  /** "睢宁县" → "睢宁", "宁夏回族自治区" → "宁夏回族"; a name of two characters stays whole. */
  static String shortForm(String name) {
    for (String suffix : DIVISION_SUFFIXES) {
      if (name.endsWith(suffix) && name.length() - suffix.length() >= 2) {
        return name.substring(0, name.length() - suffix.length());
      }
    }
    return name;
  }

  /** The candidate names in order, each matched; the first that fits one agency decides. */
  List<Match> matchAll(List<String> names) {
    List<Match> matches = new ArrayList<>();
    for (String name : new LinkedHashSet<>(names)) {
      matches.add(match(name));
    }
    return matches;
  }
}
