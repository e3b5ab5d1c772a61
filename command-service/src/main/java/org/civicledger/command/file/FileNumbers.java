package org.civicledger.command.file;

import java.time.Instant;
import org.civicledger.events.file.FileType;

/** Hands out file numbers such as {@code RES-17-00089}: type prefix, two-digit year, running number. */
public interface FileNumbers {

    String next(FileType type, Instant introducedAt);
}
