package org.civicledger.command.file;

import java.time.Instant;
import org.civicledger.events.file.FileType;

public record IntroduceFile(String fileId, FileType type, String title, String text, String sponsor,
                            Instant occurredAt) {
}
