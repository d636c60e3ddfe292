package vn.khien.app.web.internal;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import vn.khien.app.platform.Jobs;
import vn.khien.app.platform.UnitScope;

/**
 * Progress of background jobs: {@code /jobs/{id}} is an htmx fragment that re-polls itself every second while
 * the job runs; {@code /jobs} lists recent jobs; the API gives the same as JSON.
 */
@Controller
class JobPages {
    private final Jobs jobs;

    JobPages(Jobs jobs) {
        this.jobs = jobs;
    }

    @GetMapping("/jobs")
    String list(UnitScope scope, Model model) {
        model.addAttribute("jobs", jobs.recent(scope));
        return "jobs";
    }

    @GetMapping("/jobs/{id}")
    String progress(UnitScope scope, @PathVariable String id, Model model) {
        model.addAttribute(
                "job", jobs.find(scope, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        return "jobs :: progress";
    }

    @PostMapping("/jobs/{id}/cancel")
    String cancel(UnitScope scope, @PathVariable String id, Model model) {
        jobs.cancel(scope, id);
        return progress(scope, id, model);
    }

    @GetMapping("/api/v1/jobs/{id}")
    @ResponseBody
    ResponseEntity<Jobs.View> api(UnitScope scope, @PathVariable String id) {
        return ResponseEntity.of(jobs.find(scope, id));
    }
}
