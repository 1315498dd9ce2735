package io.ferry.lineprotocol;

import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The tags of one parsed line, sorted by key, held in one array and handed to the {@link Point}
 * without being copied or wrapped. Only {@link PointLineParser} makes one, and only from keys and
 * values it has checked (none empty, no line break, no key twice), so a point trusts it without
 * checking it again. Immutable: every method that would change it throws {@link
 * UnsupportedOperationException}.
 */
final class ParsedTags extends AbstractMap<String, String> implements SortedMap<String, String> {

  static final ParsedTags EMPTY = new ParsedTags(new String[0]);

  /** Key, value, key, value... with the keys in ascending order. */
  private final String[] pairs;

  /**
   * @param pairs keys and values alternating, keys ascending and distinct; kept, not copied
   */
  ParsedTags(String[] pairs) {
    this.pairs = pairs;
  }

  @Override
  public int size() {
    return pairs.length >> 1;
  }

  @Override
  public boolean isEmpty() {
    return pairs.length == 0;
  }

  @Override
  public String get(Object key) {
    int at = indexOf(key);
    return at < 0 ? null : pairs[2 * at + 1];
  }

  @Override
  public boolean containsKey(Object key) {
    return indexOf(key) >= 0;
  }

  /** The position of {@code key} among the keys, or -1: a binary search, the keys being sorted. */
  private int indexOf(Object key) {
    if (!(key instanceof String wanted)) {
      return -1;
    }
    int low = 0;
    int high = size() - 1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      int order = pairs[2 * middle].compareTo(wanted);
      if (order < 0) {
        low = middle + 1;
      } else if (order > 0) {
        high = middle - 1;
      } else {
        return middle;
      }
    }
    return -1;
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super String> action) {
    for (int i = 0; i < pairs.length; i += 2) {
      action.accept(pairs[i], pairs[i + 1]);
    }
  }

  // One iterator class per view, so that a loop over any of them compiles to an array walk.

  @Override
  public Set<Entry<String, String>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, String>> iterator() {
        return new Walk<>() {
          @Override
          Entry<String, String> at(int i) {
            return new SimpleImmutableEntry<>(pairs[i], pairs[i + 1]);
          }
        };
      }

      @Override
      public int size() {
        return ParsedTags.this.size();
      }
    };
  }

  @Override
  public Set<String> keySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<String> iterator() {
        return new Walk<>() {
          @Override
          String at(int i) {
            return pairs[i];
          }
        };
      }

      @Override
      public boolean contains(Object key) {
        return containsKey(key);
      }

      @Override
      public int size() {
        return ParsedTags.this.size();
      }
    };
  }

  @Override
  public Collection<String> values() {
    return new AbstractCollection<>() {
      @Override
      public Iterator<String> iterator() {
        return new Walk<>() {
          @Override
          String at(int i) {
            return pairs[i + 1];
          }
        };
      }

      @Override
      public int size() {
        return ParsedTags.this.size();
      }
    };
  }

  @Override
  public Comparator<? super String> comparator() {
    return null;
  }

  @Override
  public String firstKey() {
    if (isEmpty()) {
      throw new NoSuchElementException();
    }
    return pairs[0];
  }

  @Override
  public String lastKey() {
    if (isEmpty()) {
      throw new NoSuchElementException();
    }
    return pairs[pairs.length - 2];
  }

  // Views of a range are rare (no caller in Ferry); they are read-only copies' views.
  @Override
  public SortedMap<String, String> subMap(String fromKey, String toKey) {
    return Collections.unmodifiableSortedMap(new TreeMap<>(this).subMap(fromKey, toKey));
  }

  @Override
  public SortedMap<String, String> headMap(String toKey) {
    return Collections.unmodifiableSortedMap(new TreeMap<>(this).headMap(toKey));
  }

  @Override
  public SortedMap<String, String> tailMap(String fromKey) {
    return Collections.unmodifiableSortedMap(new TreeMap<>(this).tailMap(fromKey));
  }

  /** A read-only walk over the tags in key order; {@code at} gets the index of a key. */
  private abstract class Walk<T> implements Iterator<T> {
    private int next;

    abstract T at(int i);

    @Override
    public boolean hasNext() {
      return next < pairs.length;
    }

    @Override
    public T next() {
      if (next >= pairs.length) {
        throw new NoSuchElementException();
      }
      T element = at(next);
      next += 2;
      return element;
    }
  }
}
