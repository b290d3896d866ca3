/**
 * Sluice's load generator: the scenarios of {@link io.sluice.loadgen.Scenario}, driven by
 * {@link io.sluice.loadgen.LoadGenerator}, recorded in HdrHistogram.
 */
package io.sluice.loadgen;
