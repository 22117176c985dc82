/**
 * The one place the SPA talks to the API: the generated NSwag client (`client.ts`, never
 * edited by hand) with a fetch that sends the session cookie and the antiforgery header.
 */
import { Client } from './client'

export * from './client'
export { toProblem, isProblemStatus, type Problem } from './problem'

export const XSRF_COOKIE = 'XSRF-TOKEN'
export const XSRF_HEADER = 'X-XSRF-TOKEN'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE'])

/** Reads a cookie by name from `document.cookie` (undefined when absent). */
export function readCookie(name: string): string | undefined {
  if (typeof document === 'undefined') return undefined
  for (const part of document.cookie ? document.cookie.split(';') : []) {
    const eq = part.indexOf('=')
    if (eq < 0) continue
    if (part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim())
  }
  return undefined
}

// Extra headers for the request the client is about to send (see withHeaders).
let scopedHeaders: Record<string, string> | undefined

/**
 * window.fetch with the same-origin session cookie, `Accept-Language` = the UI language and,
 * for unsafe methods, the `X-XSRF-TOKEN` header taken from the `XSRF-TOKEN` cookie.
 */
export function apiFetch(url: RequestInfo, init: RequestInit = {}): Promise<Response> {
  const method = (init.method ?? 'GET').toUpperCase()
  const headers = new Headers(init.headers)
  for (const [name, value] of Object.entries(scopedHeaders ?? {})) {
    if (!headers.get(name)) headers.set(name, value)
  }
  // The UI language (set on <html lang> by i18n), so the API can localise its messages.
  const lang = typeof document !== 'undefined' ? document.documentElement.lang : ''
  if (lang && !headers.has('Accept-Language')) headers.set('Accept-Language', lang)
  if (!SAFE_METHODS.has(method)) {
    const token = readCookie(XSRF_COOKIE)
    if (token) headers.set(XSRF_HEADER, token)
  }
  // Looked up on every call (not captured once) so tests can replace window.fetch.
  return window.fetch(url, { ...init, method, headers, credentials: 'same-origin' })
}

/** ETag value for If-Match built from a resource's `version` (the API's ETag is the quoted version, e.g. "3"). */
export function etag(version: number | string): string {
  return `"${version}"`
}

/**
 * Calls a generated client method with extra request headers. The NSwag Fetch client calls
 * fetch synchronously inside the method, so the headers apply to exactly that request.
 * Used for If-Match, which the API reads from the request but does not declare as a
 * parameter in the OpenAPI document (so the generated methods have no ifMatch argument).
 */
export function withHeaders<T>(headers: Record<string, string>, call: () => Promise<T>): Promise<T> {
  const previous = scopedHeaders
  scopedHeaders = { ...previous, ...headers }
  try {
    return call()
  } finally {
    scopedHeaders = previous
  }
}

/** Calls `call` with `If-Match: "<version>"` on its request (optimistic concurrency, 412 when stale). */
export function withIfMatch<T>(version: number, call: () => Promise<T>): Promise<T> {
  return withHeaders({ 'If-Match': etag(version) }, call)
}

export const api = new Client('', { fetch: apiFetch })
