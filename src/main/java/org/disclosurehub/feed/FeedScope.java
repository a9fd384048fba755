package org.disclosurehub.feed;

/**
 * Whose revisions a feed shows: the agencies of a division (by the code range it covers) or one
 * agency; {@code path} is the feed's own path, {@code name} what its id and title say.
 */
record FeedScope(String path, String name, String agency, String lowest, String highest) {
  static FeedScope region(String code, String lowest, String highest) {
    return new FeedScope(
        "/api/v1/regions/" + code + "/feed", "regions/" + code, null, lowest, highest);
  }

  static FeedScope agency(String code) {
    return new FeedScope(
        "/api/v1/agencies/" + code + "/feed", "agencies/" + code, code, "000000", "999999");
  }
}
