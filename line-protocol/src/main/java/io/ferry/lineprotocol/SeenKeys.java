package io.ferry.lineprotocol;

import java.util.Arrays;
import java.util.HashMap;

/**
 * The keys already read on one line, in the order read, with their positions found by hash: the
 * parser asks it whether a tag or field key came before, in constant time however many keys a line
 * holds. Keys made to share a hash (easy with {@link String#hashCode}) would make the probes run
 * long: past {@link #MAX_PROBES} the line's keys move to a {@link HashMap}, whose crowded buckets
 * are trees. Reused from line to line; not thread-safe.
 */
final class SeenKeys {

  /** Slots of a cleared table: a power of two, at least twice the keys of a usual line. */
  private static final int INITIAL_SLOTS = 64;

  /** The longest probe tolerated before the keys move to {@link #crowded}. */
  static final int MAX_PROBES = 16;

  private String[] keys = new String[INITIAL_SLOTS / 2];
  private int[] hashes = new int[INITIAL_SLOTS / 2];
  private int count;

  /** Open addressing with linear probing: a key's position plus one, or 0 where empty. */
  private int[] slots = new int[INITIAL_SLOTS];

  /** Position by key, once a probe ran past {@link #MAX_PROBES} on this line; else null. */
  private HashMap<String, Integer> crowded;

  /** Forgets every key. */
  void clear() {
    crowded = null;
    if (slots.length > INITIAL_SLOTS) {
      slots = new int[INITIAL_SLOTS];
    } else {
      Arrays.fill(slots, 0);
    }
    count = 0;
  }

  int size() {
    return count;
  }

  String key(int position) {
    return keys[position];
  }

  /**
   * The position of {@code key}, or -1 if it was not read before.
   *
   * @param hash {@code key.hashCode()}
   */
  int indexOf(String key, int hash) {
    if (crowded != null) {
      Integer position = crowded.get(key);
      return position == null ? -1 : position;
    }
    int mask = slots.length - 1;
    int probes = 0;
    for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
      int position = slots[slot] - 1;
      if (position < 0) {
        return -1;
      }
      if (hashes[position] == hash && keys[position].equals(key)) {
        return position;
      }
      if (++probes > MAX_PROBES) {
        crowded = new HashMap<>();
        for (int p = 0; p < count; p++) {
          crowded.put(keys[p], p);
        }
        return indexOf(key, hash);
      }
    }
  }

  /**
   * Adds a key not read before, at position {@link #size()}.
   *
   * @param hash {@code key.hashCode()}
   */
  void add(String key, int hash) {
    if (count == keys.length) {
      keys = Arrays.copyOf(keys, count * 2);
      hashes = Arrays.copyOf(hashes, count * 2);
    }
    keys[count] = key;
    hashes[count] = hash;
    count++;
    if (crowded != null) {
      crowded.put(key, count - 1);
    } else if (count * 2 > slots.length) {
      slots = new int[slots.length * 2];
      for (int position = 0; position < count; position++) {
        place(position);
      }
    } else {
      place(count - 1);
    }
  }

  /** The keys in the order read, as a new array. */
  String[] keysInOrder() {
    return Arrays.copyOf(keys, count);
  }

  private void place(int position) {
    int mask = slots.length - 1;
    int slot = spread(hashes[position]) & mask;
    while (slots[slot] != 0) {
      slot = (slot + 1) & mask;
    }
    slots[slot] = position + 1;
  }

  private static int spread(int hash) {
    return hash ^ (hash >>> 16) ^ (hash >>> 7);
  }
}
