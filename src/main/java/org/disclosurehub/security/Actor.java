package org.disclosurehub.security;

import org.disclosurehub.region.Division;

/**
 * Who acts in a request of the review cycle: the admin, an agency (its code) or a reviewer (its
 * division). {@code author} is what the records name: {@code admin}, {@code token:<id>} or {@code
 * reviewer:<id>}.
 */
public record Actor(String author, Kind kind, String agencyCode, String divisionCode) {
  public enum Kind {
    ADMIN,
    AGENCY,
    REVIEWER
  }

  /**
   * Whether this actor reviews an agency placed in {@code agencyDivision}: admin or its reviewer.
   */
  public boolean reviews(String agencyDivision) {
    if (kind == Kind.ADMIN) {
      return true;
    }
    if (kind != Kind.REVIEWER) {
      return false;
    }
    Division own = new Division(divisionCode);
    return own.lowest().compareTo(agencyDivision) <= 0
        && agencyDivision.compareTo(own.highest()) <= 0;
  }

  /** Whether this actor speaks for the agency: its own token. */
  public boolean isAgency(String code) {
    return kind == Kind.AGENCY && code.equals(agencyCode);
  }
}
