import type { ApiException } from './client'

/** RFC 9457 problem details, normalised from whatever the generated client threw. */
export interface Problem {
  /** HTTP status; 0 when the server could not be reached. */
  status: number
  type?: string
  title?: string
  detail?: string
  /** Field errors keyed by camelCase property name (e.g. `name`, `tags[0]`). */
  errors: Record<string, string[]>
  /** Stable codes of the product's rules per field (e.g. `value: ['outlier']`), when the server names them. */
  codes?: Record<string, string[]>
  /** True when the request never got an HTTP answer (offline, DNS, CORS, aborted). */
  network: boolean
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

function readErrors(value: unknown): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  if (!isRecord(value)) return out
  for (const [key, messages] of Object.entries(value)) {
    if (Array.isArray(messages)) out[key] = messages.map(String)
    else if (typeof messages === 'string') out[key] = [messages]
  }
  return out
}

function fromBody(body: Record<string, unknown>, status?: number): Problem {
  return {
    status: typeof body.status === 'number' ? body.status : (status ?? 0),
    type: typeof body.type === 'string' ? body.type : undefined,
    title: typeof body.title === 'string' ? body.title : undefined,
    detail: typeof body.detail === 'string' ? body.detail : undefined,
    errors: readErrors(body.errors),
    codes: isRecord(body.codes) ? readErrors(body.codes) : undefined,
    network: false,
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/**
 * Turns anything the NSwag client (or fetch) throws into a {@link Problem}:
 * - the typed ProblemDetails / HttpValidationProblemDetails object the client throws for
 *   documented error responses,
 * - an `ApiException` (undocumented status or empty body) with `.status` and `.response` text,
 * - a `TypeError` from fetch when the network failed,
 * - anything else (e.g. a SyntaxError when a proxy answered with HTML).
 */
export function toProblem(err: unknown): Problem {
  // Recognised by its marker, not by instanceof: the generated client is not loaded with the first paint (lib/auth).
  if (isRecord(err) && err.isApiException === true) {
    const ex = err as unknown as ApiException
    const parsed = typeof ex.response === 'string' && ex.response ? parseJson(ex.response) : undefined
    if (isRecord(parsed) && ('title' in parsed || 'status' in parsed || 'errors' in parsed)) {
      return { ...fromBody(parsed, ex.status), status: ex.status }
    }
    return { status: ex.status, title: ex.message, errors: {}, network: false }
  }
  if (err instanceof TypeError) {
    return { status: 0, title: err.message, errors: {}, network: true }
  }
  if (err instanceof Error) {
    return { status: 0, title: err.message, errors: {}, network: false }
  }
  if (isRecord(err)) {
    return fromBody(err)
  }
  return { status: 0, title: String(err), errors: {}, network: false }
}

/** Whether `err` is an API error with the given HTTP status. */
export function isProblemStatus(err: unknown, status: number): boolean {
  return err !== null && err !== undefined && toProblem(err).status === status
}

/**
 * Whether trying the same request again can help: the server was not reached, or it failed on its side (5xx, 503
 * while the database is away), or it asked to wait (408, 429). A 404, a 403 or a refused input stays what it is, so
 * the UI offers no "try again" for those.
 */
export function isTransient(err: unknown): boolean {
  const p = toProblem(err)
  return p.network || p.status === 408 || p.status === 429 || p.status >= 500
}
