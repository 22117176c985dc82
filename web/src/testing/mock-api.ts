import { vi } from 'vitest'

export interface RecordedRequest {
  method: string
  url: URL
  headers: Headers
  body: unknown
  credentials: RequestCredentials | undefined
}

export interface MockResponse {
  status?: number
  body?: unknown
  headers?: Record<string, string>
}

type Handler = (req: RecordedRequest, match: RegExpMatchArray) => MockResponse | Promise<MockResponse>

interface Route {
  method: string
  pattern: RegExp
  handler: Handler
}

/** JSON bodies parsed; anything else (e.g. a CSV upload) kept as text. */
function parseBody(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

/**
 * Replaces window.fetch with a tiny in-memory API: routes are "METHOD /path" with `:param`
 * placeholders; unmatched requests answer 404 problem+json and are reported in `unhandled`.
 * No network is touched.
 */
export function mockApi() {
  const routes: Route[] = []
  const requests: RecordedRequest[] = []
  const unhandled: string[] = []

  const on = (spec: string, handler: Handler | MockResponse) => {
    const [method, path] = spec.split(' ')
    const pattern = new RegExp(`^${path.replace(/:[a-zA-Z]+/g, '([^/]+)')}$`)
    routes.unshift({ method, pattern, handler: typeof handler === 'function' ? handler : () => handler })
    return api
  }

  const fetchMock = vi.spyOn(window, 'fetch').mockImplementation(async (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, 'http://localhost')
    const method = (init?.method ?? 'GET').toUpperCase()
    const text = typeof init?.body === 'string' ? init.body : undefined
    const req: RecordedRequest = {
      method,
      url,
      headers: new Headers(init?.headers),
      body: text ? parseBody(text) : undefined,
      credentials: init?.credentials,
    }
    requests.push(req)
    for (const route of routes) {
      const match = route.method === method ? url.pathname.match(route.pattern) : null
      if (match) {
        const res = await route.handler(req, match)
        const status = res.status ?? 200
        const isProblem = status >= 400
        const body = res.body === undefined ? null : JSON.stringify(res.body)
        return new Response(status === 204 ? null : body, {
          status,
          headers: { 'content-type': isProblem ? 'application/problem+json' : 'application/json', ...res.headers },
        })
      }
    }
    unhandled.push(`${method} ${url.pathname}`)
    return new Response(JSON.stringify({ title: 'Not Found', status: 404 }), {
      status: 404,
      headers: { 'content-type': 'application/problem+json' },
    })
  })

  const api = { on, requests, unhandled, fetchMock }
  return api
}

export const problem = (status: number, title: string, extra: Record<string, unknown> = {}): MockResponse => ({
  status,
  body: { type: `https://httpstatuses.io/${status}`, title, status, ...extra },
})
