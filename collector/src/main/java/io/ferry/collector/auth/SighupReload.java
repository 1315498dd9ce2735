package io.ferry.collector.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Runs an action when the process receives SIGHUP (as {@code kill -HUP PID} or {@code systemctl
 * reload} sends it), instead of the JVM's default of shutting down. The JDK offers no supported API
 * for signals; {@code sun.misc.Signal} lives in the {@code jdk.unsupported} module, which the JDK
 * keeps exported for exactly this use, and it is what Netty, Hadoop and Elasticsearch's launchers
 * use. Where it is not available (a JVM run with {@code -Xrs}, or a platform without SIGHUP) the
 * tokens file is still reloaded when it changes.
 */
public final class SighupReload {

  private static final Logger LOG = LoggerFactory.getLogger(SighupReload.class);

  private SighupReload() {}

  /**
   * Installs {@code action} as the SIGHUP handler of this process (one per process: the last
   * installed wins). A process started with SIGHUP ignored ({@code nohup}, some supervisors) keeps
   * ignoring it: the JVM then installs nothing, which is told here rather than believed.
   *
   * @return whether the handler was installed
   */
  public static boolean install(Runnable action) {
    try {
      SignalHandler before = Signal.handle(new Signal("HUP"), signal -> action.run());
      if (before == SignalHandler.SIG_IGN) {
        LOG.warn(
            "SIGHUP is ignored by this process (started with nohup?), so it cannot reload the"
                + " tokens; the tokens file is reloaded when it changes");
        return false;
      }
      return true;
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      LOG.warn(
          "SIGHUP cannot be handled here ({}); the tokens file is reloaded when it changes",
          e.getMessage());
      return false;
    }
  }
}
