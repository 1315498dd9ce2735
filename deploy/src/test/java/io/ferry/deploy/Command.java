package io.ferry.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a program to completion with a time limit; stdout and stderr are captured together. */
record Command(List<String> argv, Map<String, String> environment, Path workingDirectory) {

  /** What a finished program left: its exit status and its combined output. */
  record Result(int exitStatus, String output) {}

  static Command of(String... argv) {
    return new Command(List.of(argv), Map.of(), null);
  }

  /** A copy that runs with these variables set, or removed where the value is null. */
  Command withEnvironment(Map<String, String> variables) {
    return new Command(argv, variables, workingDirectory);
  }

  Command in(Path directory) {
    return new Command(argv, environment, directory);
  }

  Result run() throws IOException, InterruptedException {
    Path output = Files.createTempFile("ferry-deploy-command", ".out");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(argv)
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      environment.forEach(
          (name, value) -> {
            if (value == null) {
              builder.environment().remove(name);
            } else {
              builder.environment().put(name, value);
            }
          });
      if (workingDirectory != null) {
        builder.directory(workingDirectory.toFile());
      }
      Process process = builder.start();
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor();
        throw new IllegalStateException("still running after 5 minutes: " + argv);
      }
      return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(output);
    }
  }
}
