package io.ferry.agent.input;

import io.ferry.agent.input.accesslog.AccessLogInputKind;
import io.ferry.agent.input.canary.CanaryInputKind;
import io.ferry.agent.input.http.HttpProbeInputKind;
import io.ferry.agent.input.mysql.MySqlInputKind;
import io.ferry.agent.input.os.OsInputKind;
import java.util.List;

/** The one list of the agent's input kinds, in the order they are read, created and rendered. */
public final class InputKinds {

  /** Every kind of input the agent has. */
  public static final List<InputKind<?>> ALL =
      List.of(
          OsInputKind.INSTANCE,
          MySqlInputKind.INSTANCE,
          HttpProbeInputKind.INSTANCE,
          AccessLogInputKind.INSTANCE,
          CanaryInputKind.INSTANCE);

  private InputKinds() {}
}
