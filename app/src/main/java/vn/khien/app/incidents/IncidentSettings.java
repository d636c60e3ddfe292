package vn.khien.app.incidents;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the incidents module.
 *
 * @param evidenceMaxSize largest evidence file accepted ({@code khien.incidents.evidence-max-size}, 20MB)
 */
@ConfigurationProperties("khien.incidents")
public record IncidentSettings(@DefaultValue("20MB") DataSize evidenceMaxSize) {}
