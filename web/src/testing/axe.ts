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
  return [
    ...result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
    ...labelInNameViolations(root),
  ]
}

/** Controls whose name can come from their content: WCAG 2.5.3 (label in name) applies when an aria-label replaces it. */
const NAMED_FROM_CONTENT = ['button', 'a[href]', 'summary', ...['button', 'link', 'menuitem', 'tab', 'option', 'checkbox', 'radio',
  'switch', 'treeitem'].map((role) => `[role="${role}"]`)].join(', ')

/** The text a sighted user sees in an element: no aria-hidden or hidden parts, no visually hidden text, no SVG titles. */
function visibleText(element: Element): string {
  return Array.from(element.childNodes).map((node) => {
    if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? ''
    if (!(node instanceof Element)) return ''
    if (node.getAttribute('aria-hidden') === 'true' || node.hasAttribute('hidden') || node.classList.contains('visually-hidden')
      || ['title', 'desc', 'script', 'style'].includes(node.localName)) return ' '
    return ` ${visibleText(node)} `
  }).join('')
}

/** Lower-case words only, as axe compares them (punctuation, symbols such as ↑ and "…" left out). */
const words = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()

/**
 * axe's label-content-name-mismatch (WCAG 2.5.3: a control's accessible name contains its visible label, so that
 * speech users can say what they see) needs a layout: in jsdom axe leaves it "incomplete" and never reports it. This
 * checks the same for every control whose aria-label replaces its visible text.
 */
export function labelInNameViolations(root: Element | Document = document): string[] {
  return Array.from(root.querySelectorAll(NAMED_FROM_CONTENT)).flatMap((element) => {
    const label = element.getAttribute('aria-label')
    const visible = words(visibleText(element))
    if (label === null || visible === '' || words(label).includes(visible)) return []
    return [`label-content-name-mismatch: the name "${label}" does not contain the visible label "${visible}"`
      + ` (${element.outerHTML.slice(0, 100)})`]
  })
}
