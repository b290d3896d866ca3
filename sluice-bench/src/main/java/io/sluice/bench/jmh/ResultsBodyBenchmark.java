package io.sluice.bench.jmh;

import io.sluice.gateway.http.JsonBodies;
import io.sluice.gateway.ingest.RecordResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The answer to an NDJSON request in ack mode, {@code {"results":[{"topic":..,"partition":..,"offset":..},...]}}:
 * the way it was built before issue 12 (maps of each position, serialised by Jackson's ObjectMapper) against
 * {@link JsonBodies#results} today (written by hand). Both produce the same JSON (JsonBodiesTest).
 *
 * <p>Run: {@code scripts/jmh ResultsBodyBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ResultsBodyBenchmark {

    @Param({"1", "100"})
    public int records;

    private List<RecordResult> results;

    @Setup
    public void setUp() {
        results = new ArrayList<>(records);
        for (int i = 0; i < records; i++) {
            results.add(new RecordResult.Written("sluice-bench", i % 4, 1_000_000L + i, 0L));
        }
    }

    /** Before: maps through Jackson. */
    @Benchmark
    public byte[] jacksonMaps() {
        return JsonBodies.write(Map.of("results", JsonBodies.resultList(results)));
    }

    /** After: by hand. */
    @Benchmark
    public byte[] byHand() {
        return JsonBodies.results(results);
    }
}
