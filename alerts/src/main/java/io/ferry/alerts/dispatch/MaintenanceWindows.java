package io.ferry.alerts.dispatch;

import io.ferry.alerts.Labels;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The maintenance windows: those from the configuration (fixed) and those added at run time (kept
 * in {@link DispatchState} across restarts). Names are unique across both. Thread-safe.
 */
public final class MaintenanceWindows {

  private final Map<String, MaintenanceWindow> configured = new LinkedHashMap<>();
  private final Map<String, MaintenanceWindow> added = new LinkedHashMap<>();

  /** The windows from the configuration. */
  public MaintenanceWindows(Collection<MaintenanceWindow> fromConfig) {
    for (MaintenanceWindow window : fromConfig) {
      if (configured.put(window.name(), window) != null) {
        throw new IllegalArgumentException("two maintenance windows are named " + window.name());
      }
    }
  }

  /**
   * Adds a window at run time.
   *
   * @throws IllegalArgumentException when a window of this name exists already
   */
  public synchronized MaintenanceWindow add(MaintenanceWindow window) {
    if (configured.containsKey(window.name()) || added.containsKey(window.name())) {
      throw new IllegalArgumentException("a maintenance window is already named " + window.name());
    }
    added.put(window.name(), window);
    return window;
  }

  /**
   * Removes a window added at run time; windows from the configuration stay until the configuration
   * changes.
   *
   * @return whether a window added at run time had this name
   */
  public synchronized boolean remove(String name) {
    return added.remove(name) != null;
  }

  /** Every window, from the configuration first. */
  public synchronized List<MaintenanceWindow> list() {
    List<MaintenanceWindow> all = new ArrayList<>(configured.values());
    all.addAll(added.values());
    return List.copyOf(all);
  }

  /** A window that mutes an alert with {@code labels} at {@code now}, if any. */
  public synchronized Optional<MaintenanceWindow> muting(Labels labels, Instant now) {
    return list().stream().filter(window -> window.mutes(labels, now)).findFirst();
  }

  /** Whether a window mutes an alert with {@code labels} at {@code now}. */
  public boolean mutes(Labels labels, Instant now) {
    return muting(labels, now).isPresent();
  }

  synchronized List<MaintenanceWindow> addedAtRunTime() {
    return List.copyOf(added.values());
  }

  synchronized void restoreAdded(Collection<MaintenanceWindow> windows) {
    added.clear();
    for (MaintenanceWindow window : windows) {
      if (!configured.containsKey(window.name())) {
        added.put(window.name(), window);
      }
    }
  }
}
