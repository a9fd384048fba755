package org.disclosurehub.feed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.disclosurehub.region.Division;
import org.disclosurehub.system.ProblemException;
import org.disclosurehub.system.Sha256;

/**
 * The feeds' answers: the current document holds the revisions after the last full page; full pages
 * are archives (RFC 5005) that never change.
 */
@ApplicationScoped
class FeedAnswers {
  /** Revisions per archive page; changing it would change every archive, so it is fixed. */
  static final int PAGE_SIZE = 20;

  private static final String CURRENT = "public, no-cache";
  private static final String IMMUTABLE = "public, max-age=31536000, immutable";

  private final FeedStore store;

  FeedAnswers(FeedStore store) {
    this.store = store;
  }

  static final String FEED_DESCRIPTION =
      "One entry per revision stored (filed, refiled, corrected, withdrawn, imported) and per"
          + " reviewer's decision on one (returned, accepted), newest first, linking to the"
          + " revision (HTML, JSON), its canonical content and, for a decision, the review; ids"
          + " are tag: URIs of agency, year and revision (or review entry) and never change. Holds the revisions after"
          + " the last full page of "
          + PAGE_SIZE
          + "; the older ones are in the archive named by the prev-archive link.";

  static final String ARCHIVE_DESCRIPTION =
      "Archive page n holds revisions (n-1)×"
          + PAGE_SIZE
          + "+1 to n×"
          + PAGE_SIZE
          + " of the feed in the order they were stored; only full pages exist, and they never"
          + " change (Cache-Control: immutable).";

  FeedScope region(String code) {
    if (!Division.isValid(code)) {
      throw ProblemException.notFound("No region " + code + " in the GB/T 2260 list");
    }
    Division division = new Division(code);
    return FeedScope.region(code, division.lowest(), division.highest());
  }

  FeedScope agency(String code) {
    if (!store.agencyExists(code)) {
      throw ProblemException.notFound("No agency " + code);
    }
    return FeedScope.agency(code);
  }

  Response current(FeedScope scope) {
    FeedStore.Extent extent = store.extent(scope);
    int full = extent.count() / PAGE_SIZE;
    List<FeedEntry> entries = store.page(scope, full * PAGE_SIZE, PAGE_SIZE);
    AtomFeed.Document document =
        new AtomFeed.Document(
            scope, 0, full == 0 ? null : full, extent.newest(), newestFirst(entries));
    return answer(AtomFeed.write(document), CURRENT);
  }

  Response archive(FeedScope scope, String pageText) {
    int page = pageNumber(pageText);
    int full = store.extent(scope).count() / PAGE_SIZE;
    if (page < 1 || page > full) {
      throw ProblemException.notFound(
          "No archive page " + pageText + " of " + scope.path() + ": it has " + full);
    }
    List<FeedEntry> entries = store.page(scope, (page - 1) * PAGE_SIZE, PAGE_SIZE);
    AtomFeed.Document document =
        new AtomFeed.Document(
            scope,
            page,
            page == 1 ? null : page - 1,
            entries.get(entries.size() - 1).at(),
            newestFirst(entries));
    return answer(AtomFeed.write(document), IMMUTABLE);
  }

  private static int pageNumber(String text) {
    if (text.matches("[1-9][0-9]{0,8}")) {
      return Integer.parseInt(text);
    }
    return 0;
  }

  private static List<FeedEntry> newestFirst(List<FeedEntry> oldestFirst) {
    List<FeedEntry> entries = new ArrayList<>(oldestFirst);
    Collections.reverse(entries);
    return entries;
  }

  /** The tag is the document's digest: the same entries always make the same bytes. */
  private static Response answer(String xml, String cacheControl) {
    return Response.ok(xml, AtomFeed.MEDIA_TYPE + ";charset=UTF-8")
        .header(HttpHeaders.ETAG, "\"" + Sha256.hex(xml).substring(0, 32) + "\"")
        .header(HttpHeaders.CACHE_CONTROL, cacheControl)
        .build();
  }
}
