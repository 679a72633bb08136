// The path view, /path?from=…&to=…&port=…&protocol=…: the verdict of flow with its walk hop by hop (routes, NAT,
// each NSG and firewall with its verdict), the allowed/denied/undetermined sub-ranges, the deciding rules, and the
// requiredAccess fix when something blocks. The question is the page's address: a link that can be shared.
"use strict";

(() => {
  const { gql, errorText, el, fill, shortName, badge, table, list, params, showError, live } = asegraph;

  const FLOW = `query($from: String!, $to: String!, $port: Int!, $protocol: Protocol) {
    flow(from: $from, to: $to, port: $port, protocol: $protocol) {
      verdict reason causes warnings destination
      source { kind address addresses addressRange reason }
      allowedSourceRanges deniedSourceRanges undeterminedSourceRanges
      decisions { nsg appliedTo level direction verdict warnings
        matches { rule priority access sourceRanges undeterminedCause } }
      firewallDecisions { firewall verdict causes matches { ruleCollection rule priority access sourceRanges } }
      trace { node kind steps { type detail } } } }`;

  const REQUIRED = `query($from: String!, $to: String!, $port: Int!, $protocol: Protocol) {
    requiredAccess(from: $from, to: $to, port: $port, protocol: $protocol) {
      satisfied verdict reason sourceKind sourceRanges deniedSourceRanges verified
      fixes { nsgName name priority direction protocol level appliedTo sourceAddressPrefixes destinationAddressPrefixes
        destinationPortRange description azCli problem overrides }
      firewallFixes { firewallName ruleCollection name protocol sourceAddresses destinationAddresses destinationPort
        description azCli problem overrides } } }`;

  function question() {
    const p = params();
    for (const name of ["from", "to", "port"]) document.getElementById(name).value = p[name] || "";
    document.getElementById("protocol").value = (p.protocol || "TCP").toUpperCase();
    if (!p.from || !p.to || !p.port) return null;
    if (!/^\d+$/.test(p.port) || Number(p.port) > 65535) {
      throw new Error(`port '${p.port}' is not a port (0-65535)`);
    }
    return { from: p.from, to: p.to, port: Number(p.port), protocol: (p.protocol || "TCP").toUpperCase() };
  }

  /** The source as the destination sees it: its kind and address(es). */
  function sourceText(source) {
    const addresses = source.address ? [source.address] : source.addresses.length ? source.addresses
      : source.addressRange ? [source.addressRange] : [];
    return `${source.kind} ${addresses.join(", ")}`.trim();
  }

  function summary(q, f) {
    return fill("summary",
      el("p", { class: "question" }, `${q.from} → ${q.to} : ${q.protocol} ${q.port}`),
      el("p", { class: "verdict" }, badge(f.verdict)),
      el("p", { id: "reason" }, f.reason),
      el("dl", { class: "facts" },
        el("dt", {}, "Source (as the destination sees it)"),
        el("dd", { id: "source" }, sourceText(f.source)),
        el("dt", {}, "Destination"), el("dd", {}, f.destination || "—"),
        el("dt", {}, "Allowed from"), el("dd", { id: "allowed", class: "allowed" }, list(f.allowedSourceRanges)),
        el("dt", {}, "Denied from"), el("dd", { id: "denied", class: "denied" }, list(f.deniedSourceRanges)),
        el("dt", {}, "Undetermined from"),
        el("dd", { id: "undetermined", class: "undetermined" }, list(f.undeterminedSourceRanges))),
      f.causes.length ? el("ul", { class: "causes" }, f.causes.map((c) => el("li", {}, c))) : null,
      f.warnings.length ? el("ul", { class: "warnings" }, f.warnings.map((w) => el("li", {}, w))) : null);
  }

  const VERDICT = /: (ALLOWED|DENIED|PARTIAL|UNDETERMINED|UNREACHABLE)\b/;

  /** One step of a hop: its type, the verdict of a filter (an NSG or firewall), the source of a NAT, its detail. */
  function step(s, source) {
    const verdict = s.type === "FILTER" && VERDICT.exec(s.detail);
    const nat = s.type === "SOURCE_NAT" ? el("span", { class: "nat" }, source) : null;
    return el("li", { class: `step ${s.type.toLowerCase()}` }, el("span", { class: "step-type" }, s.type), " ",
      verdict ? [badge(verdict[1]), " "] : null, nat, nat ? " " : null, s.detail);
  }

  /** The trace as boxes joined by arrows: each hop (the node and its kind) with its steps. */
  function walk(f, source) {
    const boxes = [];
    f.trace.forEach((hop, i) => {
      if (i > 0) boxes.push(el("div", { class: "arrow", "aria-hidden": "true" }, "→"));
      boxes.push(el("div", { class: "hop" },
        el("div", { class: "hop-title" }, el("strong", {}, shortName(hop.node)), " ", el("span", { class: "muted" }, hop.kind)),
        el("ol", { class: "steps" }, hop.steps.map((s) => step(s, source)))));
    });
    fill("walk", boxes);
  }

  function decisions(f) {
    const nsgs = f.decisions.length ? [el("h3", {}, "Each NSG on the way"),
      table(["NSG", "Applied to", "Direction", "Verdict", "Deciding rules (priority, access: source ranges)"],
        f.decisions.map((d) => [shortName(d.nsg), `${shortName(d.appliedTo)} (${d.level})`, d.direction,
          badge(d.verdict), el("ul", { class: "matches" }, d.matches.map((m) => el("li", {},
            `${shortName(m.rule)} (${m.priority}, ${m.access}): ${list(m.sourceRanges)}`
            + (m.undeterminedCause ? ` — ${m.undeterminedCause}` : ""))))]))] : [el("p", {}, "No NSG on the way.")];
    const firewalls = f.firewallDecisions.length ? [el("h3", {}, "Each firewall on the way"),
      table(["Firewall", "Verdict", "Deciding rules (collection / rule, priority, access: source ranges)", "Causes"],
        f.firewallDecisions.map((d) => [shortName(d.firewall), badge(d.verdict), el("ul", { class: "matches" },
          d.matches.map((m) => el("li", {},
            `${m.ruleCollection} / ${m.rule} (${m.priority}, ${m.access}): ${list(m.sourceRanges)}`))),
        list(d.causes)]))] : [];
    fill("decisions", nsgs, firewalls);
  }

  async function fix(q) {
    fill("fix", el("p", { class: "muted" }, "Asking what would let it through…"));
    const { data, errors } = await gql(REQUIRED, q);
    if (errors.length) {
      fill("fix", el("h3", {}, "What would let it through"), el("pre", { class: "error" }, errorText(errors)));
      return;
    }
    const r = data.requiredAccess;
    fill("fix", el("h3", {}, "What would let it through (requiredAccess)"),
      el("p", { id: "fix-reason" }, r.reason),
      r.fixes.length ? table(["NSG", "Rule", "Priority", "Direction", "Protocol", "Source", "Destination", "Port",
        "Why", "az CLI"], r.fixes.map((x) => [x.nsgName, x.name, x.priority === null ? "—" : x.priority, x.direction,
        x.protocol, list(x.sourceAddressPrefixes), list(x.destinationAddressPrefixes), x.destinationPortRange,
        x.problem || x.description, x.azCli ? el("code", {}, x.azCli) : "—"])) : null,
      r.firewallFixes.length ? table(["Firewall", "Collection", "Rule", "Protocol", "Source", "Destination", "Port",
        "Why", "az CLI"], r.firewallFixes.map((x) => [x.firewallName, x.ruleCollection, x.name, x.protocol,
        list(x.sourceAddresses), list(x.destinationAddresses), x.destinationPort, x.problem || x.description,
        x.azCli ? el("code", {}, x.azCli) : "—"])) : null);
  }

  async function show() {
    let q;
    try {
      q = question();
    } catch (e) {
      showError("message", e);
      return;
    }
    if (!q) {
      fill("message", el("p", { class: "muted" }, "Ask a question: from, to and port, e.g. ",
        el("a", { href: "/path?from=app1&to=orders-api&port=443&protocol=TCP" }, "app1 → orders-api : TCP 443"), "."));
      return;
    }
    fill("message", el("p", { class: "muted" }, "Walking the path…"));
    try {
      const { data, errors } = await gql(FLOW, q);
      if (errors.length) throw new Error(errorText(errors));
      const f = data.flow;
      document.title = `asegraph — ${q.from} → ${q.to} : ${q.protocol} ${q.port}: ${f.verdict}`;
      summary(q, f);
      walk(f, sourceText(f.source));
      decisions(f);
      fill("message");
      document.getElementById("result").hidden = false;
      if (f.verdict === "ALLOWED") fill("fix");
      else await fix(q);
      document.body.setAttribute("data-loaded", "true");
    } catch (e) {
      showError("message", e);
      document.body.setAttribute("data-loaded", "error");
    }
  }

  show();
  live(show, "live");
})();
