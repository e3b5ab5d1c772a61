package org.civicledger.tlog;

import java.util.HexFormat;
import java.util.List;

final class Hex {

    private Hex() {
    }

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    static String of(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    static List<String> of(List<byte[]> hashes) {
        return hashes.stream().map(Hex::of).toList();
    }
}
