package org.civicledger.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * transparency-dev/merkle's published cases, from shared/tlog-vectors beside the repository: a correct
 * verifier accepts exactly the wantErr:false ones. Missing vectors fail the build rather than skip.
 */
class SharedVectorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> inclusionCases() throws IOException {
        List<Path> files = cases("inclusion");
        assertThat(files).hasSize(98);
        return files.stream().map(f -> DynamicTest.dynamicTest(name(f), () -> {
            JsonNode c = JSON.readTree(f.toFile());
            check(c, () -> ProofVerifier.verifyInclusion(u64(c, "leafIdx"), u64(c, "treeSize"),
                    b64(c.get("leafHash")), hashes(c.get("proof")), b64(c.get("root"))));
        }));
    }

    @TestFactory
    Stream<DynamicTest> consistencyCases() throws IOException {
        List<Path> files = cases("consistency");
        assertThat(files).hasSize(98);
        return files.stream().map(f -> DynamicTest.dynamicTest(name(f), () -> {
            JsonNode c = JSON.readTree(f.toFile());
            check(c, () -> ProofVerifier.verifyConsistency(u64(c, "size1"), u64(c, "size2"),
                    hashes(c.get("proof")), b64(c.get("root1")), b64(c.get("root2"))));
        }));
    }

    private static void check(JsonNode c, ThrowingCallable verification) {
        if (c.get("wantErr").asBoolean()) {
            assertThatThrownBy(verification).as(c.path("desc").asText()).isInstanceOf(VerificationException.class);
        } else {
            assertThatNoException().as(c.path("desc").asText()).isThrownBy(verification);
        }
    }

    static Path vectorsDir() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("repository root (the directory holding mvnw) above %s", Path.of("").toAbsolutePath())
                .isNotNull();
        Path vectors = dir.resolve("../shared/tlog-vectors").normalize();
        assertThat(vectors).as("test vectors: CI keeps shared/ beside the repository clone").isDirectory();
        return vectors;
    }

    private static List<Path> cases(String kind) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(vectorsDir().resolve(kind))) {
            walk.filter(p -> p.toString().endsWith(".json")).sorted().forEach(out::add);
        }
        return out;
    }

    private static String name(Path f) {
        return f.getParent().getFileName() + "/" + f.getFileName();
    }

    // Two cases use 2^64-1, which only fits a long read as unsigned.
    private static long u64(JsonNode c, String field) {
        return Long.parseUnsignedLong(c.get(field).asText());
    }

    private static byte[] b64(JsonNode n) {
        return n == null || n.isNull() ? null : Base64.getDecoder().decode(n.asText());
    }

    private static List<byte[]> hashes(JsonNode n) {
        List<byte[]> out = new ArrayList<>();
        if (n != null && !n.isNull()) {
            n.forEach(h -> out.add(b64(h)));
        }
        return out;
    }
}
