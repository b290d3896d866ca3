/**
 * What {@code sluice bench} writes: the terminal summary ({@link io.sluice.bench.report.TerminalTable}),
 * {@code results.json} ({@link io.sluice.bench.report.JsonReport}, the machine-readable twin and the input
 * of comparisons), {@code report.md} ({@link io.sluice.bench.report.MarkdownReport}), a self-contained
 * offline {@code report.html} with SVG charts ({@link io.sluice.bench.report.HtmlReport}), the comparison
 * with an earlier run ({@link io.sluice.bench.report.CompareReport}) and the progress line
 * ({@link io.sluice.bench.report.ProgressBar}).
 *
 * <p>Every renderer is a pure function of a {@link io.sluice.bench.model.BenchRun} to text; none prints or
 * reads the clock, so the orchestrator decides where output goes and tests compare strings. Every format
 * puts a cell's verification (records in Kafka against 2xx answers) next to its throughput, and marks a cell
 * FAILED when the cell broke or the counts differ: a number is never shown without its proof.
 */
package io.sluice.bench.report;
