import { act } from '@testing-library/react'
import axe from 'axe-core'

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the document. jsdom has no layout, so
 * colour contrast is left to the browser tests (e2e), which run the full rule set.
 *
 * A lazily loaded page can commit outside `act` (its chunk resolves on its own), and React then runs that commit's effects
 * (for example `usePageTitle`) on a later task: a test that found the page's heading could reach axe before the title was
 * set, and axe reported "document-title" on a busy machine. So pending React work and the next task run first.
 */
export async function axeViolations(root: Element | Document = document) {
  await act(async () => { await new Promise((resolve) => setTimeout(resolve, 0)) })
  const result = await axe.run(root as Element, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    rules: { 'color-contrast': { enabled: false } },
  })
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
}
