package vn.khien.core.compliance;

import java.util.List;
import java.util.Map;
import vn.khien.core.inventory.EndpointFacts;
import vn.khien.core.inventory.FactSource;

/**
 * Everything one evaluation reads: the endpoints, which unit owns each, the units' facts, and the endpoints seen
 * in DNS, proxy or firewall logs talking outside (for SECRET-ZONE).
 *
 * @param endpointUnits endpoint id → unit id; endpoints missing here are evaluated without a unit
 * @param units unit facts, one per unit evaluated by IT-OFFICER
 * @param networkLogSightings endpoint id → the log line's source (input and time) that shows it online
 */
public record ComplianceInput(
        List<EndpointFacts> endpoints,
        Map<String, String> endpointUnits,
        List<UnitFacts> units,
        Map<String, FactSource> networkLogSightings) {
    public ComplianceInput {
        endpoints = List.copyOf(endpoints);
        endpointUnits = Map.copyOf(endpointUnits);
        units = List.copyOf(units);
        networkLogSightings = Map.copyOf(networkLogSightings);
    }
}
