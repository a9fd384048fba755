package org.disclosurehub.system;

/**
 * The roles a bearer token carries (the security package grants them), for {@code @RolesAllowed} on
 * every feature's writes.
 */
public final class Roles {
  /** The holder of HUB_ADMIN_TOKEN: registry writes, withdrawals, tokens, any agency's reports. */
  public static final String ADMIN = "admin";

  /** The holder of an agency token: that agency's reports only. */
  public static final String AGENCY = "agency";

  /** The holder of a reviewer token: reads everything, reviews the agencies of its division. */
  public static final String REVIEWER = "reviewer";

  private Roles() {}
}
