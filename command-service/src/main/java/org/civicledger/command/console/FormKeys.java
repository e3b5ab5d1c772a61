package org.civicledger.command.console;

import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A fresh idempotency key for every form the console renders ({@code ${@formKeys.next()}} in a template): a double
 * click or a browser's resend of that form is the same submission and records nothing new; each render is new.
 */
@Component("formKeys")
public class FormKeys {

    public String next() {
        return UUID.randomUUID().toString();
    }
}
