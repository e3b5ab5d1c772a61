package org.civicledger.query.history;

/**
 * One RFC 4180 row (hand-written: quoting is three rules, not worth a dependency). A cell that a spreadsheet would
 * run as a formula (=, +, -, @, tab, CR) is prefixed with an apostrophe: record text comes from clerks and requesters
 * open these files in Excel (OWASP "CSV injection").
 */
final class Csv {

    private Csv() {
    }

    static String row(String... cells) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(cell(cells[i] == null ? "" : cells[i]));
        }
        return b.append("\r\n").toString();
    }

    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
