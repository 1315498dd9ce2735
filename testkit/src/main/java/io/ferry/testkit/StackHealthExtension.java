package io.ferry.testkit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension that checks the {@link SharedStack}'s replication after every test class (see
 * {@link SharedStack#checkAfter(String)}): the class that broke it fails in its {@code afterAll}
 * with the broken channels and the servers' errors, and the classes after it get a fresh stack.
 *
 * <p>Registered for every test class by JUnit's extension auto-detection (this jar's {@code
 * META-INF/services} entry, switched on in the parent POM's Surefire configuration), so a new test
 * class cannot forget it. Classes that never touch the stack pay nothing: the check runs only once
 * the stack has started.
 */
public final class StackHealthExtension implements AfterAllCallback {

  @Override
  public void afterAll(ExtensionContext context) {
    SharedStack.checkAfter(context.getRequiredTestClass().getName());
  }
}
