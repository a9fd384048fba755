package org.disclosurehub.system;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.ZoneId;

/** The service's clock: Beijing time, since deadlines and report years are Beijing's. */
@ApplicationScoped
public class Clocks {
  public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  @Produces
  @ApplicationScoped
  Clock clock() {
    return Clock.system(BEIJING);
  }
}
