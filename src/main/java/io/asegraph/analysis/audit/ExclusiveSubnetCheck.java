package io.asegraph.analysis.audit;

import io.asegraph.topology.AppServiceEnvironment;
import io.asegraph.topology.NetworkInterface;
import io.asegraph.topology.TopologyIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Checks the exclusive-subnet row of the requirements table: no other ASE and no network interface in the ASE subnet. */
final class ExclusiveSubnetCheck {
    private final TopologyIndex index;

    ExclusiveSubnetCheck(TopologyIndex index) {
        this.index = Objects.requireNonNull(index, "index");
    }

    HealthCheck check(HealthRequirement.ExclusiveSubnet r, HealthSubject subject) {
        String requirement = HealthSentences.exclusiveRequirement(r);
        List<String> others = new ArrayList<>();
        for (AppServiceEnvironment other : index.environmentsIn(subject.subnet().id())) {
            if (!other.id().equals(subject.ase().id())) {
                others.add(HealthSentences.otherAse(other));
            }
        }
        for (NetworkInterface nic : index.nicsIn(subject.subnet().id())) {
            others.add(HealthSentences.otherNic(nic.name()));
        }
        boolean alone = others.isEmpty();
        String detail = alone
                ? HealthSentences.subnetHoldsOnly(subject.subnet(), subject.ase())
                : HealthSentences.subnetAlsoHolds(subject.subnet(), others);
        return new HealthCheck(r.name(), alone ? CheckStatus.PASS : CheckStatus.FAIL, requirement, detail, List.of());
    }
}
