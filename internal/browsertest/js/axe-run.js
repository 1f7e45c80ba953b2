// Runs axe-core on the document for the WCAG tags in TAGS, and returns the
// violations in a form that reads well in a test log.
axe.run(document, {
  runOnly: { type: 'tag', values: TAGS },
  resultTypes: ['violations'],
}).then((r) => ({
  violations: r.violations.map((v) => ({
    id: v.id,
    impact: v.impact || '',
    help: v.help,
    helpUrl: v.helpUrl,
    nodes: v.nodes.map((n) => ({
      target: n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : String(t))),
      html: n.html,
      summary: n.failureSummary || '',
    })),
  })),
  incomplete: r.incomplete.length,
  passes: r.passes.length,
}))
