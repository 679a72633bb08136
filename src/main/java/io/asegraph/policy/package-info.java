/**
 * NSG policy: rules, default rules, service-tag and ASG resolution, and the range-exact NSG engine.
 *
 * <p>Entry points:
 * <ul>
 *   <li>{@link io.asegraph.policy.PrefixResolver} (with an {@link io.asegraph.policy.EvaluationContext}): rule address
 *       fields to address sets; unknown tags and ASGs stay explicitly unresolved;</li>
 *   <li>{@link io.asegraph.policy.NsgEvaluator}: one NSG over a {@link io.asegraph.policy.FlowSpace}, first match by
 *       priority, split exactly at rule boundaries, with the source sub-range every rule decided;</li>
 *   <li>{@link io.asegraph.policy.NsgChain}: subnet and NIC NSGs in Azure's order (the chain itself is evaluated by
 *       the path engine's {@code ChainEvaluator} in {@code analysis});</li>
 *   <li>{@link io.asegraph.policy.IpFlowVerify}: Network Watcher's one-5-tuple question and which rule it reports;</li>
 *   <li>{@link io.asegraph.policy.EffectiveSecurityRules}: the rules in force with tags expanded;</li>
 *   <li>{@link io.asegraph.policy.ShadowAnalysis}: rules no packet can reach (dead or redundant), exact.</li>
 * </ul>
 *
 * <p>Choices where Azure is silent or ambiguous:
 * <ul>
 *   <li>Protocol {@code *} matches TCP, UDP and ICMP (documented) and also ESP and AH (not documented).</li>
 *   <li>A flow space with protocol ANY is evaluated per protocol; a source is allowed only if every protocol is.</li>
 *   <li>Ports are a dimension for every protocol; port-less flows (ICMP, ESP, AH) should be asked with {@code *} ports.</li>
 *   <li>{@code Internet} is public unicast space (everything but 0/8, 10/8, 100.64/10, 127/8, 169.254/16, 172.16/12,
 *       192.168/16, 224/4, 240/4); Microsoft publishes no exact list.</li>
 *   <li>IPv6 prefixes match nothing (IPv4 flows only).</li>
 *   <li>IP flow verify reports the first denying NSG's rule, or, when all allow, the last NSG's allowing rule.</li>
 *   <li>Rule names are {@code securityRules/NAME} and {@code defaultSecurityRules/NAME}.</li>
 * </ul>
 */
package io.asegraph.policy;
