package vn.khien.core.inventory.demo;

import java.util.List;
import java.util.Set;

/**
 * What the generator produced and which gaps it planted, by host name, so the demo and its tests can check that
 * the real pipeline finds exactly them.
 *
 * @param osqueryLines lines written to the osquery result log
 * @param missingEdr CPNet machines in communes without EDR
 * @param staleAntivirus machines whose antivirus signatures are old
 * @param oldPatches machines whose newest update is older than the baseline's 35 days
 * @param secretWithInternet the state-secret machine that reports Internet connectivity
 * @param crossingSerial the USB serial seen on a secret machine and a CPNet machine
 * @param crossingSecretMachine the secret machine that saw it
 * @param crossingNetworkedMachine the CPNet machine that saw it
 */
public record DemoManifest(
        List<DemoEndpoint> endpoints,
        long osqueryLines,
        Set<String> missingEdr,
        Set<String> staleAntivirus,
        Set<String> oldPatches,
        String secretWithInternet,
        String crossingSerial,
        String crossingSecretMachine,
        String crossingNetworkedMachine) {
    public DemoManifest {
        endpoints = List.copyOf(endpoints);
        missingEdr = Set.copyOf(missingEdr);
        staleAntivirus = Set.copyOf(staleAntivirus);
        oldPatches = Set.copyOf(oldPatches);
    }
}
