import DOMPurify from 'dompurify'
import { Marked, type Tokens } from 'marked'

/**
 * Markdown for minutes and agendas: GitHub-flavoured, single line breaks kept. Headings move two
 * levels down (`#` becomes h3) so a text shown inside a page section never competes with the
 * page's h1 and h2.
 */
const markdown = new Marked({
  gfm: true,
  breaks: true,
  async: false,
  walkTokens(token) {
    if (token.type === 'heading') (token as Tokens.Heading).depth = Math.min(6, (token as Tokens.Heading).depth + 2)
  },
})

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

/** Markdown → sanitised HTML (no scripts, event handlers, javascript: links, iframes, styles). */
export function renderMarkdown(source: string): string {
  const html = markdown.parse(source) as string
  return purifier().sanitize(html, { USE_PROFILES: { html: true }, FORBID_TAGS: ['style', 'form', 'input', 'button'], FORBID_ATTR: ['style'] })
}
