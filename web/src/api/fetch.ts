/**
 * The fetch every request to the API goes through (the generated client's and the few plain ones), in a module of its own
 * so that a request can be made before the generated client (the largest module of the app) has been downloaded.
 */
import i18next from 'i18next'

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

/** Adds what every request to the API carries: the UI language, and the antiforgery token on unsafe methods. */
export function apiHeaders(headers: Headers, method: string): Headers {
  const lang = uiLanguage()
  if (lang && !headers.has('Accept-Language')) headers.set('Accept-Language', lang)
  if (!SAFE_METHODS.has(method.toUpperCase())) {
    const token = readCookie(XSRF_COOKIE)
    if (token) headers.set(XSRF_HEADER, token)
  }
  return headers
}

/**
 * window.fetch with the same-origin session cookie, `Accept-Language` = the UI language and,
 * for unsafe methods, the `X-XSRF-TOKEN` header taken from the `XSRF-TOKEN` cookie.
 */
export function apiFetch(url: RequestInfo, init: RequestInit = {}): Promise<Response> {
  const method = (init.method ?? 'GET').toUpperCase()
  const headers = new Headers(init.headers)
  // The generated client sends optional headers it was not given as empty strings; drop them.
  for (const name of ['If-Match', 'Idempotency-Key']) {
    if (headers.get(name) === '') headers.delete(name)
  }
  // The UI language (i18next's current one), so that the API answers its problems and field messages in it.
  apiHeaders(headers, method)
  // Looked up on every call (not captured once) so tests can replace window.fetch.
  return window.fetch(url, { ...init, method, headers, credentials: 'same-origin' })
}

/** The current UI language: i18next's (de or en), else <html lang> (set by i18n), else none. */
function uiLanguage(): string {
  const lng = i18next.resolvedLanguage ?? i18next.language
  if (lng) return lng
  return typeof document !== 'undefined' ? document.documentElement.lang : ''
}

