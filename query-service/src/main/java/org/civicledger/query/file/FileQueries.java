package org.civicledger.query.file;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.civicledger.query.web.NotFound;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/files")
public class FileQueries {

    private final FileProjection files;
    private final ReferralProjection referrals;
    private final AmendmentProjection amendments;

    FileQueries(FileProjection files, ReferralProjection referrals, AmendmentProjection amendments) {
        this.files = files;
        this.referrals = referrals;
        this.amendments = amendments;
    }

    public record FileView(String fileId, String fileNumber, String type, String title, String text, String status,
                    String sponsor, List<String> cosponsors, Instant introducedAt,
                    List<ReferralProjection.Referral> referrals, int version,
                    List<AmendmentProjection.Amendment> amendments) {
    }

    public record FileSummary(String fileId, String fileNumber, String type, String title, String status, String sponsor,
                       Instant introducedAt) {
    }

    @GetMapping
    public Map<String, Object> list(@RequestParam(required = false) String sponsor,
                                    @RequestParam(required = false) String status,
                                    @RequestParam(required = false) String cosponsor) {
        List<FileSummary> items = files.summaries(sponsor, status, cosponsor);
        return Map.of("items", items);
    }

    /** One snapshot for the file, its cosponsors, referrals and amendments, so they never disagree. */
    @GetMapping("/{fileId}")
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public FileView file(@PathVariable String fileId) {
        List<ReferralProjection.Referral> referred = referrals.of(fileId);
        List<AmendmentProjection.Amendment> amended = amendments.of(fileId);
        return files.view(fileId, referred, amended).orElseThrow(() -> NotFound.file(fileId));
    }
}
