package io.sluice.bench.model;

import java.util.List;

/**
 * Every round of a cell run with {@code --rounds N}, in round order, and which of them the cell reports; an
 * immutable value. The cell's figures are those of the round with the median throughput (the lower of the two
 * middle ones for an even count), so one disturbed round cannot move the result; the cell is FAILED if any
 * round failed.
 *
 * @param requestsPerSecond       each round's throughput estimate
 * @param gatewayMicrosPerRequest each round's gateway CPU per request (NaN where unknown)
 * @param outcomes                each round's OK or FAILED
 * @param reported                the round the cell reports, 1-based
 */
public record Rounds(List<Double> requestsPerSecond, List<Double> gatewayMicrosPerRequest, List<String> outcomes,
                     int reported) {

    public int count() {
        return requestsPerSecond.size();
    }
}
