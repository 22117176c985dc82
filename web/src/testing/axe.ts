import axe from 'axe-core'

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the document. jsdom has no layout, so
 * colour contrast is left to the browser tests (e2e), which run the full rule set.
 */
export async function axeViolations(root: Element | Document = document) {
  const result = await axe.run(root as Element, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    rules: { 'color-contrast': { enabled: false } },
  })
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
}
