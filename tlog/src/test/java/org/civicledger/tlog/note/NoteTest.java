package org.civicledger.tlog.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.civicledger.tlog.VerificationException;
import org.junit.jupiter.api.Test;

/** The C2SP signed-note vectors of TRANSPARENCY.md, and the ways a note must be refused. */
class NoteTest {

    static final String FOO_KEY = "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k";
    static final String FOO_NOTE = "This is an example message.\n\n"
            + "— example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n";
    static final String PETER_PRIVATE = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    static final String PETER_KEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    static final String PETER_TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    static final String PETER_LINE = "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    @Test
    void theExampleNoteVerifies() {
        Note note = Note.open(FOO_NOTE, NoteVerifier.parse(FOO_KEY));
        assertThat(note.text()).isEqualTo("This is an example message.\n");
        assertThat(note.signatures()).extracting(NoteSignature::name).containsExactly("example.com/foo");
        assertThat(note.unverified()).isEmpty();
    }

    @Test
    void signingWithThePrivateKeyReproducesTheSignatureLineExactly() {
        NoteSigner signer = NoteSigner.parse(PETER_PRIVATE);
        assertThat(signer.verifier().keyText()).isEqualTo(PETER_KEY);
        assertThat(signer.privateKeyText()).isEqualTo(PETER_PRIVATE);
        String signed = Note.sign(PETER_TEXT, signer);
        assertThat(signed).isEqualTo(PETER_TEXT + "\n" + PETER_LINE);
        assertThat(Note.open(signed, NoteVerifier.parse(PETER_KEY)).text()).isEqualTo(PETER_TEXT);
    }

    @Test
    void aChangedTextFailsTheSignature() {
        String forged = FOO_NOTE.replace("example message", "exemplary message");
        assertThatThrownBy(() -> Note.open(forged, NoteVerifier.parse(FOO_KEY)))
                .isInstanceOf(VerificationException.class).hasMessageContaining("invalid signature");
    }

    @Test
    void signaturesByUnknownKeysAreIgnoredButOneKnownKeyIsNeeded() {
        NoteSigner other = NoteSigner.generate("witness.example");
        String twice = Note.sign(PETER_TEXT, other, NoteSigner.parse(PETER_PRIVATE));
        Note note = Note.open(twice, NoteVerifier.parse(PETER_KEY));
        assertThat(note.signatures()).extracting(NoteSignature::name).containsExactly("PeterNeumann");
        assertThat(note.unverified()).extracting(NoteSignature::name).containsExactly("witness.example");

        assertThatThrownBy(() -> Note.open(Note.sign(PETER_TEXT, other), NoteVerifier.parse(PETER_KEY)))
                .isInstanceOf(VerificationException.class).hasMessageContaining("not signed by any trusted key");
    }

    @Test
    void aKeyWithTheSameNameButAnotherIdIsUnknown() {
        NoteSigner impostor = NoteSigner.generate("PeterNeumann");
        assertThatThrownBy(() -> Note.open(Note.sign(PETER_TEXT, impostor), NoteVerifier.parse(PETER_KEY)))
                .isInstanceOf(VerificationException.class).hasMessageContaining("not signed by any trusted key");
    }

    @Test
    void malformedNotesAreRefused() {
        NoteVerifier key = NoteVerifier.parse(FOO_KEY);
        for (String bad : List.of(
                "This is an example message.\n",
                FOO_NOTE.substring(0, FOO_NOTE.length() - 1),
                FOO_NOTE.replace("— ", "- "),
                FOO_NOTE.replace("message.", "message.\r"),
                FOO_NOTE.replace("IneyaQM=", "IneyaQM"),
                FOO_NOTE.replace("example.com/foo Uw", "example.com/foo  Uw"),
                FOO_NOTE + "\n")) {
            assertThatThrownBy(() -> Note.open(bad, key)).as(bad).isInstanceOf(VerificationException.class);
        }
        byte[] notUtf8 = FOO_NOTE.getBytes(StandardCharsets.UTF_8);
        notUtf8[3] = (byte) 0xff;
        assertThatThrownBy(() -> Note.open(notUtf8, List.of(key))).isInstanceOf(VerificationException.class);
    }

    @Test
    void keyTextsAreParsedStrictly() {
        for (String bad : List.of(
                "example.com/foo+530d903b+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k",
                "example.com/foo+530d903+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k",
                "example.com/foo+530d903a+AkyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k",
                "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k+x",
                "exam ple+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k",
                "example.com/foo+530d903a+AukyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k")) {
            assertThatThrownBy(() -> NoteVerifier.parse(bad)).as(bad).isInstanceOf(VerificationException.class);
        }
        assertThatThrownBy(() -> NoteSigner.parse(PETER_PRIVATE.replace("c74f20a3", "c74f20a4")))
                .isInstanceOf(VerificationException.class);
        assertThatThrownBy(() -> NoteSigner.parse(PETER_KEY)).isInstanceOf(VerificationException.class);
    }

    @Test
    void aGeneratedKeyRoundTripsThroughItsTexts() {
        NoteSigner signer = NoteSigner.generate("records.example.gov/log");
        NoteSigner again = NoteSigner.parse(signer.privateKeyText());
        assertThat(again.verifier().keyText()).isEqualTo(signer.verifier().keyText());
        String note = Note.sign("hello\n", signer);
        assertThat(Note.open(note, NoteVerifier.parse(again.verifier().keyText())).text()).isEqualTo("hello\n");
        assertThat(signer.toString()).doesNotContain(signer.privateKeyText());
    }
}
