package io.ferry.lineprotocol;

import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.IntFunction;

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
  public Set<Entry<String, FieldValue>> entrySet() {
    return new InOrderSet<>(i -> new SimpleImmutableEntry<>(keys[i], values[i]));
  }

  @Override
  public Set<String> keySet() {
    return new InOrderSet<>(i -> keys[i]);
  }

  @Override
  public Collection<FieldValue> values() {
    return new AbstractCollection<>() {
      @Override
      public Iterator<FieldValue> iterator() {
        return new InOrderIterator<>(i -> values[i]);
      }

      @Override
      public int size() {
        return keys.length;
      }
    };
  }

  /** A read-only set of one thing per field, in line order: keys or entries. */
  private final class InOrderSet<T> extends AbstractSet<T> {
    private final IntFunction<T> element;

    InOrderSet(IntFunction<T> element) {
      this.element = element;
    }

    @Override
    public Iterator<T> iterator() {
      return new InOrderIterator<>(element);
    }

    @Override
    public int size() {
      return keys.length;
    }
  }

  private final class InOrderIterator<T> implements Iterator<T> {
    private final IntFunction<T> element;
    private int next;

    InOrderIterator(IntFunction<T> element) {
      this.element = element;
    }

    @Override
    public boolean hasNext() {
      return next < keys.length;
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return element.apply(next++);
    }
  }
}
