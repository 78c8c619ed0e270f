package dev.losslens.account;

import dev.losslens.system.api.ApiAnswers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Administration", description = "The audit trail, for administrators (sign in first)")
class AuditApiController {

    private static final int SHOWN = 500;

    private final AuditTrail audit;

    AuditApiController(AuditTrail audit) {
        this.audit = audit;
    }

    @ApiAnswers(problems = {401, 403})
    @Operation(summary = "The audit trail, newest first (the latest 500): who uploaded, edited, deleted or exported "
            + "what, and account changes. Administrators only")
    @GetMapping("/api/admin/audit")
    List<AuditEntry> latest() {
        return audit.latest(SHOWN);
    }
}
