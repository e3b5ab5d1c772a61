package org.civicledger.query.web;

/** A query parameter that cannot be read: answered 400 invalid-parameter. */
public class BadParameter extends RuntimeException {

    public BadParameter(String name, String value, String expected) {
        super("Parameter '" + name + "' is '" + value + "'; expected " + expected + ".");
    }
}
