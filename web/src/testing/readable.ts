/**
 * What a planner should never read on a page: a record's id (UUID) or an API field name in camelCase (`parentName`,
 * `cadenceInterval`). Returns the offending words of an element's text (each text node on its own, so the cells of a
 * table do not run together), for `expect(rawWordsIn(table)).toEqual([])`.
 */
export function rawWordsIn(element: Element): string[] {
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT)
  const texts: string[] = []
  for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node.textContent ?? '')
  const text = texts.join(' ')
  const ids = text.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi) ?? []
  const fieldNames = text.match(/\b[a-z]+(?:[A-Z][a-z\d]*)+\b/g) ?? []
  return [...ids, ...fieldNames]
}
