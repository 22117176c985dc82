/**
 * The one place the SPA talks to the API: the generated NSwag client (`client.ts`, never
 * edited by hand) with a fetch that sends the session cookie and the antiforgery header.
 */
import { Client } from './client'
import { apiFetch } from './fetch'

export * from './client'
export { toProblem, isProblemStatus, isTransient, type Problem } from './problem'

export { XSRF_COOKIE, XSRF_HEADER, readCookie, apiHeaders, apiFetch } from './fetch'

/** ETag value for If-Match built from a resource's `version` (the API's ETag is the quoted version, e.g. "3"). */
export function etag(version: number | string): string {
  return `"${version}"`
}

export const api = new Client('', { fetch: apiFetch })
