package org.civicledger.tlog.bagit;

import java.util.List;
import java.util.Map;

/** What a bag check found: the payload size and the manifests that were checked. */
public record BagReport(long payloadOctets, int payloadFiles, List<String> payloadAlgorithms,
                        List<String> tagAlgorithms, Map<String, String> info) {

    public BagReport {
        payloadAlgorithms = List.copyOf(payloadAlgorithms);
        tagAlgorithms = List.copyOf(tagAlgorithms);
        info = Map.copyOf(info);
    }
}
