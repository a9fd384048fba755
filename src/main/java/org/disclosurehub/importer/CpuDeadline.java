package org.disclosurehub.importer;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * A budget of the current thread's processor time (wall time where the JVM cannot measure it), for
 * work on untrusted input that must stop however hostile the input is.
 */
final class CpuDeadline {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final boolean cpu;
  private final long end;
  private int calls;

  private CpuDeadline(boolean cpu, long end) {
    this.cpu = cpu;
    this.end = end;
  }

  /** A deadline {@code nanos} of this thread's processor time from now. */
  static CpuDeadline in(long nanos) {
    boolean cpu = THREADS.isCurrentThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();
    return new CpuDeadline(cpu, now(cpu) + nanos);
  }

  private static long now(boolean cpu) {
    return cpu ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
  }

  /** Whether the budget is spent; reads the clock on every 16th call only, to stay cheap. */
  boolean passed() {
    return (calls++ & 15) == 0 && now(cpu) - end > 0;
  }
}
