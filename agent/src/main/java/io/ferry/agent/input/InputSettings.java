package io.ferry.agent.input;

import io.ferry.yamlconfig.ConfigMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@code inputs} section: each kind's configuration, in the order of {@link InputKinds#ALL}.
 */
public final class InputSettings {

  /** One kind with its configuration; keeps the two types together without a cast. */
  private record Configured<C>(InputKind<C> kind, C config) {

    List<Input> create() {
      return kind.create(config);
    }

    int workers() {
      return kind.workers(config);
    }

    void render(StringBuilder out) {
      kind.render(config, out);
    }

    List<String> grants() {
      return kind.grants(config);
    }
  }

  private final List<Configured<?>> configured;

  private InputSettings(List<Configured<?>> configured) {
    this.configured = List.copyOf(configured);
  }

  /** Reads every kind of {@link InputKinds#ALL} from the {@code inputs} mapping. */
  public static InputSettings read(ConfigMapping inputs, InputContext context) {
    return read(InputKinds.ALL, inputs, context);
  }

  /** Reads the given kinds from the {@code inputs} mapping. */
  public static InputSettings read(
      List<InputKind<?>> kinds, ConfigMapping inputs, InputContext context) {
    List<Configured<?>> configured = new ArrayList<>();
    for (InputKind<?> kind : kinds) {
      configured.add(readOne(kind, inputs, context));
    }
    return new InputSettings(configured);
  }

  private static <C> Configured<C> readOne(
      InputKind<C> kind, ConfigMapping inputs, InputContext context) {
    return new Configured<>(kind, Objects.requireNonNull(kind.read(inputs, context), kind.key()));
  }

  /**
   * The configuration of one kind.
   *
   * @throws IllegalArgumentException if the kind was not read
   */
  public <C> C config(InputKind<C> kind) {
    for (Configured<?> entry : configured) {
      if (entry.kind() == kind) {
        @SuppressWarnings("unchecked") // read() pairs each kind with a C of its own
        C config = (C) entry.config();
        return config;
      }
    }
    throw new IllegalArgumentException("no input kind " + kind.key() + " in these settings");
  }

  /** Every input the configuration asks for, kind after kind. */
  public List<Input> createInputs() {
    List<Input> inputs = new ArrayList<>();
    for (Configured<?> entry : configured) {
      inputs.addAll(entry.create());
    }
    return inputs;
  }

  /** How many worker threads all the inputs may occupy at once. */
  public int workers() {
    return configured.stream().mapToInt(Configured::workers).sum();
  }

  /** The {@code inputs:} section of the effective configuration. */
  public void render(StringBuilder out) {
    out.append("inputs:\n");
    configured.forEach(entry -> entry.render(out));
  }

  /** The MySQL grants the inputs need, as comment lines (see {@link InputKind#grants}). */
  public List<String> grants() {
    return configured.stream().flatMap(entry -> entry.grants().stream()).toList();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof InputSettings that && configured.equals(that.configured);
  }

  @Override
  public int hashCode() {
    return configured.hashCode();
  }

  @Override
  public String toString() {
    return configured.stream()
        .map(entry -> entry.kind().key() + "=" + entry.config())
        .toList()
        .toString();
  }
}
