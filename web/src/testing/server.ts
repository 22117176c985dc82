import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'

/**
 * The network boundary of component tests: MSW's request interception in Node (`msw/node`). The setup file starts
 * it once per test file and resets it after every test; tests add the answers they need with
 * `server.use(http.get('/api/v1/…', () => HttpResponse.json(…)))`. No request leaves the process.
 */

/** A request the app sent during the current test, as the server saw it. */
export interface SentRequest {
  method: string
  url: URL
  headers: Headers
  /** JSON bodies parsed, anything else (e.g. a CSV upload) as text; undefined without a body. */
  body: unknown
}

/** Every request of the current test, in the order sent (cleared after each test). */
export const requests: SentRequest[] = []

/** "METHOD /path" of the requests no handler of the current test answered; they get a 404 problem (cleared after each test). */
export const unhandled: string[] = []

/** An RFC 9457 problem answer, as the API sends it. */
export function problem(status: number, title: string, extra: Record<string, unknown> = {}) {
  return HttpResponse.json(
    { type: `https://httpstatuses.io/${status}`, title, status, ...extra },
    { status, headers: { 'Content-Type': 'application/problem+json' } },
  )
}

/** One page of a list operation (`{ items, nextCursor }`). */
export function page<T>(items: T[], nextCursor: string | null = null) {
  return HttpResponse.json({ items, nextCursor })
}

/** Anything a test did not ask for is 404, as a server without that record would answer; `unhandled` says what it was. */
const notFound = http.all('*', ({ request }) => {
  unhandled.push(`${request.method} ${new URL(request.url).pathname}`)
  return problem(404, 'Not Found')
})

export const server = setupServer(notFound)

function parseBody(text: string): unknown {
  if (!text) return undefined
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

server.events.on('request:start', ({ request }) => {
  const sent: SentRequest = { method: request.method, url: new URL(request.url), headers: new Headers(request.headers), body: undefined }
  requests.push(sent)
  // The body is read from a copy, so the handler still gets it; it is there long before the app shows the answer.
  void request
    .clone()
    .text()
    .then((text) => {
      sent.body = parseBody(text)
    })
})

/** After each test: only the 404 fallback again, and empty request lists. */
export function resetServer() {
  server.resetHandlers()
  requests.length = 0
  unhandled.length = 0
}
