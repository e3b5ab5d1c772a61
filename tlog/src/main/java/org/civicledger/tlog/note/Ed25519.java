package org.civicledger.tlog.note;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/** Raw 32-byte Ed25519 keys on top of the JDK's DER-wrapped ones. */
final class Ed25519 {

    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");

    private Ed25519() {
    }

    static PublicKey publicKey(byte[] raw32) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(concat(X509_PREFIX, raw32)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    static PrivateKey privateKey(byte[] seed32) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_PREFIX, seed32)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 seed", e);
        }
    }

    static byte[] rawPublic(PublicKey key) {
        byte[] der = key.getEncoded();
        return Arrays.copyOfRange(der, der.length - 32, der.length);
    }

    static byte[] rawSeed(PrivateKey key) {
        byte[] der = key.getEncoded();
        return Arrays.copyOfRange(der, der.length - 32, der.length);
    }

    /** A fresh key pair: {@code [seed32, publicKey32]}. */
    static byte[][] generate() {
        return raw(generator(new SecureRandom()).generateKeyPair());
    }

    /**
     * The public key of a seed. JDK 17 has no API for this, but its generator takes exactly the 32-byte
     * seed from the random source, so a source that returns the seed derives the key (checked by signing).
     */
    static byte[] publicKeyOf(byte[] seed32) {
        SecureRandom fixed = new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                if (bytes.length != seed32.length) {
                    throw new IllegalStateException("unexpected seed request of " + bytes.length + " bytes");
                }
                System.arraycopy(seed32, 0, bytes, 0, bytes.length);
            }
        };
        byte[] pk = raw(generator(fixed).generateKeyPair())[1];
        byte[] probe = "civic-ledger key check".getBytes();
        if (!verify(pk, probe, sign(seed32, probe))) {
            throw new IllegalStateException("could not derive the Ed25519 public key from its seed");
        }
        return pk;
    }

    static byte[] sign(byte[] seed32, byte[] message) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(privateKey(seed32));
            s.update(message);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    static boolean verify(byte[] publicKey32, byte[] message, byte[] signature) {
        if (signature.length != 64) {
            return false;
        }
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(publicKey(publicKey32));
            s.update(message);
            return s.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static KeyPairGenerator generator(SecureRandom random) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
            g.initialize(255, random);
            return g;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java 17 runtime has Ed25519", e);
        }
    }

    private static byte[][] raw(KeyPair pair) {
        return new byte[][] {rawSeed(pair.getPrivate()), rawPublic(pair.getPublic())};
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
