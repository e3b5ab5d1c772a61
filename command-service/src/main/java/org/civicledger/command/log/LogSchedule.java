package org.civicledger.command.log;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** The signer's and the auditor's cadences, from civic.log.*; the first audit runs at start. */
@Configuration
@EnableScheduling
class LogSchedule implements SchedulingConfigurer {

    private final LogSettings settings;
    private final CheckpointSigner signer;
    private final LogAudit audit;

    LogSchedule(LogSettings settings, CheckpointSigner signer, LogAudit audit) {
        this.settings = settings;
        this.signer = signer;
        this.audit = audit;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(audit::runScheduled, settings.auditInterval());
        registrar.addFixedDelayTask(signer::signIfGrown, settings.checkpointInterval());
    }
}
