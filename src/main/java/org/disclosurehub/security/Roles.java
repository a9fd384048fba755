package org.disclosurehub.security;

/** The roles a bearer token carries, and the identity attribute naming an agency token's agency. */
public final class Roles {
  /** The holder of HUB_ADMIN_TOKEN: registry writes, withdrawals, tokens, any agency's reports. */
  public static final String ADMIN = "admin";

  /** The holder of an agency token: that agency's reports only. */
  public static final String AGENCY = "agency";

  /** The {@code SecurityIdentity} attribute holding an agency token's agency code. */
  static final String AGENCY_CODE = "agencyCode";

  private Roles() {}
}
