package org.civicledger.query.web;

class BadParameter extends RuntimeException {

    BadParameter(String name, String value, String expected) {
        super("Parameter '" + name + "' is '" + value + "'; expected " + expected + ".");
    }
}
