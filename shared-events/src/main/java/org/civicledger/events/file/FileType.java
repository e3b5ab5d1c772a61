package org.civicledger.events.file;

/** The kinds of legislative file, each with the prefix of its file number (RES-17-00001). */
public enum FileType {
    ORDINANCE("ORD"),
    RESOLUTION("RES"),
    APPOINTMENT("APT"),
    REPORT("REP"),
    COMMUNICATION("COM"),
    CLAIM("CLM"),
    LICENSE("LIC"),
    PETITION("PET");

    private final String prefix;

    FileType(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }
}
