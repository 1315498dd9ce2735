package io.ferry.yamlconfig;

import java.nio.file.Path;

/**
 * What every mapping read from one file shares.
 *
 * @param fileLabel the name errors use for the file
 * @param baseDir the folder relative {@code *_file} paths are resolved against
 * @param interpolator replaces {@code ${NAME}} references in values from the file
 * @param overrides values that win over the file
 */
record ReadContext(
    String fileLabel, Path baseDir, EnvInterpolator interpolator, ValueOverrides overrides) {}
