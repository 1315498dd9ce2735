package io.ferry.lineprotocol;

import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The fields of one parsed line, in line order (a key given twice keeps its first place and its
 * last value), held in arrays and handed to the {@link Point} without being copied or wrapped. Only
 * {@link PointLineParser} makes one, and only from keys it has checked (none empty, no line break,
 * each once), so a point trusts it without checking it again. Immutable: every method that would
 * change it throws {@link UnsupportedOperationException}.
 */
final class ParsedFields extends AbstractMap<String, FieldValue> {

  private final String[] keys;
  private final FieldValue[] values;

  /**
   * @param keys distinct field keys, at least one; kept, not copied
   * @param values their values, at the same positions; kept, not copied
   */
  ParsedFields(String[] keys, FieldValue[] values) {
    this.keys = keys;
    this.values = values;
  }

  @Override
  public int size() {
    return keys.length;
  }

  @Override
  public boolean isEmpty() {
    return keys.length == 0;
  }

  @Override
  public FieldValue get(Object key) {
    int at = indexOf(key);
    return at < 0 ? null : values[at];
  }

  @Override
  public boolean containsKey(Object key) {
    return indexOf(key) >= 0;
  }

  private int indexOf(Object key) {
    if (!(key instanceof String wanted)) {
      return -1;
    }
    // A string keeps its hash code: comparing those first skips most comparisons of text.
    int hash = wanted.hashCode();
    for (int i = 0; i < keys.length; i++) {
      if (keys[i].hashCode() == hash && keys[i].equals(wanted)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super FieldValue> action) {
    for (int i = 0; i < keys.length; i++) {
      action.accept(keys[i], values[i]);
    }
  }

  // One iterator class per view, so that a loop over any of them compiles to an array walk.

  @Override
  public Set<Entry<String, FieldValue>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, FieldValue>> iterator() {
        return new Walk<>() {
          @Override
          Entry<String, FieldValue> at(int i) {
            return new SimpleImmutableEntry<>(keys[i], values[i]);
          }
        };
      }

      @Override
      public int size() {
        return keys.length;
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
            return keys[i];
          }
        };
      }

      @Override
      public boolean contains(Object key) {
        return containsKey(key);
      }

      @Override
      public int size() {
        return keys.length;
      }
    };
  }

  @Override
  public Collection<FieldValue> values() {
    return new AbstractCollection<>() {
      @Override
      public Iterator<FieldValue> iterator() {
        return new Walk<>() {
          @Override
          FieldValue at(int i) {
            return values[i];
          }
        };
      }

      @Override
      public int size() {
        return keys.length;
      }
    };
  }

  /** A read-only walk over the fields in line order. */
  private abstract class Walk<T> implements Iterator<T> {
    private int next;

    abstract T at(int i);

    @Override
    public boolean hasNext() {
      return next < keys.length;
    }

    @Override
    public T next() {
      if (next >= keys.length) {
        throw new NoSuchElementException();
      }
      return at(next++);
    }
  }
}
