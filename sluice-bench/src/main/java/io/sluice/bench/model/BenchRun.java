package io.sluice.bench.model;

import java.util.List;
import java.util.Map;

/**
 * A whole {@code sluice bench} run: where it ran, how it was configured, and every cell.
 *
 * @param startedAt   ISO-8601 start time
 * @param environment CPU model and cores, kernel, JDK and flags, Netty version, io_uring features,
 *                    open-files limit, somaxconn, producer config... (ordered key -> value)
 * @param settings    the bench options used (ordered key -> value)
 * @param cells       results in run order
 */
public record BenchRun(String startedAt, Map<String, String> environment, Map<String, String> settings,
                       List<CellResult> cells) {
}
