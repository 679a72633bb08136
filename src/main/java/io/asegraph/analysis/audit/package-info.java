/**
 * Estate audits built on the path engine (the questions auditors and dashboards ask), entry point {@link
 * io.asegraph.analysis.audit.Audits}:
 * <ul>
 *   <li>{@link io.asegraph.analysis.audit.EnvironmentHealthAudit}: each ASE version's inbound management, outbound
 *       dependencies (NSGs and routes: forced tunnelling is named) and an exclusive subnet, PASS/WARN/FAIL, as rows of
 *       one requirements table ({@code HealthRequirements}) checked by an NSG checker and a route checker;</li>
 *   <li>{@link io.asegraph.analysis.audit.RequiredAccessAudit}: what a destination must admit (from the call-source
 *       walk), whether it does, and the rule to add ({@link io.asegraph.analysis.audit.RuleFixFormats}: ARM, az,
 *       Terraform) on each NSG and, placed by {@code FirewallFixPlanner}, on each Azure Firewall that denies
 *       ({@link io.asegraph.analysis.audit.FirewallRuleFixFormats}), checked by re-analysing the flow with all of them;</li>
 *   <li>{@link io.asegraph.analysis.audit.ReachabilityAudit}: who can reach a destination, one batch over the estate
 *       ({@link io.asegraph.analysis.audit.ReachBatch}), and caller × destination matrices;</li>
 *   <li>{@link io.asegraph.analysis.audit.ShadowAudit}: unreachable NSG rules per NSG and evaluation context;</li>
 *   <li>{@link io.asegraph.analysis.audit.ExposureAudit}: Internet exposure of NICs and ASEs, priority-aware over
 *       subnet and NIC NSGs.</li>
 * </ul>
 * Plain Java: no Quarkus, CDI, Neo4j or GraphQL.
 */
package io.asegraph.analysis.audit;
