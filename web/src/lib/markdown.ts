import DOMPurify from 'dompurify'
import { Marked, type Tokens } from 'marked'

/** Markdown for minutes and agendas: GitHub-flavoured, single line breaks kept. */
const markdown = new Marked({ gfm: true, breaks: true, async: false })

let hooked = false
function purifier() {
  if (!hooked) {
    // Links in minutes point elsewhere: never give the other page a handle on this one.
    DOMPurify.addHook('afterSanitizeAttributes', (node) => {
      if (node.tagName === 'A' && node.getAttribute('href')) node.setAttribute('rel', 'noopener noreferrer')
    })
    hooked = true
  }
  return DOMPurify
}

/**
 * Markdown → sanitised HTML (no scripts, event handlers, javascript: links, iframes, styles).
 * Headings are renumbered to fit the page: the levels used in the text, in order, become
 * `headingLevel`, `headingLevel + 1`, … (at most h6), so minutes shown under an h2 never
 * compete with the page's h1/h2 and never skip a level.
 */
export function renderMarkdown(source: string, headingLevel = 3): string {
  const tokens = markdown.lexer(source)
  const depths = new Set<number>()
  markdown.walkTokens(tokens, (token) => {
    if (token.type === 'heading') depths.add((token as Tokens.Heading).depth)
  })
  const levels = new Map([...depths].sort((a, b) => a - b).map((depth, i) => [depth, Math.min(6, headingLevel + i)]))
  markdown.walkTokens(tokens, (token) => {
    if (token.type === 'heading') (token as Tokens.Heading).depth = levels.get((token as Tokens.Heading).depth) ?? 6
  })
  const html = markdown.parser(tokens)
  return purifier().sanitize(html,
    { USE_PROFILES: { html: true }, FORBID_TAGS: ['style', 'form', 'input', 'button'], FORBID_ATTR: ['style'] })
}
