import { http, HttpResponse } from 'msw'
import { describe, expect, it, vi } from 'vitest'
import { requests, server } from '@/testing/server'
import { ApiException, api, apiFetch, etag, readCookie } from './index'
import i18n from '@/lib/i18n'
import { isProblemStatus, isTransient, toProblem } from './problem'

describe('apiFetch', () => {
  it('sends the session cookie and no antiforgery header on GET', async () => {
    document.cookie = 'XSRF-TOKEN=abc123'
    server.use(http.get('/api/v1/auth/me', () => HttpResponse.json({ id: '1', email: 'a@b.de', displayName: 'A', role: 'viewer' })))
    const fetchSpy = vi.spyOn(window, 'fetch')
    await api.getCurrentUser()
    expect(fetchSpy.mock.calls[0][1]?.credentials).toBe('same-origin')
    expect(requests[0].headers.has('X-XSRF-TOKEN')).toBe(false)
    expect(requests[0].headers.get('Accept-Language')).toBe('de')
  })

  it('sends the current UI language as Accept-Language on every request, so problems come back in it', async () => {
    server.use(http.post('/api/v1/auth/logout', () => new HttpResponse(null, { status: 204 })))
    server.use(http.get('/api/v1/auth/me', () => HttpResponse.json({ id: '1', email: 'a@b.de', displayName: 'A', role: 'viewer' })))
    await i18n.changeLanguage('en')
    await api.getCurrentUser()
    await api.logout()
    await i18n.changeLanguage('de')
    await api.getCurrentUser()
    expect(requests.map((r) => r.headers.get('Accept-Language'))).toEqual(['en', 'en', 'de'])
  })

  it('keeps an Accept-Language the caller set itself', async () => {
    server.use(http.get('/x', () => HttpResponse.json({})))
    await apiFetch('/x', { headers: { 'Accept-Language': 'en' } })
    expect(requests[0].headers.get('Accept-Language')).toBe('en')
  })

  it('copies the XSRF-TOKEN cookie into X-XSRF-TOKEN on unsafe methods', async () => {
    document.cookie = 'other=1'
    document.cookie = 'XSRF-TOKEN=CfDJ8%2Btoken'
    server.use(http.post('/api/v1/auth/logout', () => new HttpResponse(null, { status: 204 })))
    const fetchSpy = vi.spyOn(window, 'fetch')
    await api.logout()
    expect(requests[0].headers.get('X-XSRF-TOKEN')).toBe('CfDJ8+token')
    expect(fetchSpy.mock.calls[0][1]?.credentials).toBe('same-origin')
  })

  it('keeps the client headers (content type, If-Match)', async () => {
    server.use(http.post('/x', () => HttpResponse.json({})))
    await apiFetch('/x', { method: 'post', headers: { 'Content-Type': 'application/json', 'If-Match': etag(7) }, body: '{}' })
    expect(requests[0].method).toBe('POST')
    expect(requests[0].headers.get('content-type')).toBe('application/json')
    expect(requests[0].headers.get('if-match')).toBe('"7"')
  })

  it('reads cookies by exact name', () => {
    document.cookie = 'XSRF-TOKEN-OLD=no'
    document.cookie = 'XSRF-TOKEN=yes'
    expect(readCookie('XSRF-TOKEN')).toBe('yes')
    expect(readCookie('missing')).toBeUndefined()
  })
})

describe('toProblem', () => {
  it('reads a validation problem thrown as the typed object', async () => {
    server.use(
      http.post('/api/v1/auth/login', () =>
        HttpResponse.json({ title: 'One or more validation errors occurred.', status: 400, errors: { email: ['Email is invalid.'] } },
          { status: 400 }),
      ),
    )
    const err = await api.login({ email: 'x', password: 'y' }).catch((e: unknown) => e)
    const p = toProblem(err)
    expect(p.status).toBe(400)
    expect(p.errors).toEqual({ email: ['Email is invalid.'] })
    expect(p.network).toBe(false)
  })

  it('reads an ApiException with a problem body', () => {
    const body = JSON.stringify({ title: 'Precondition Failed', status: 412, detail: 'stale' })
    const p = toProblem(new ApiException('Precondition Failed', 412, body, {}, null))
    expect(p).toMatchObject({ status: 412, title: 'Precondition Failed', detail: 'stale' })
  })

  it('reads an ApiException without a body', () => {
    const p = toProblem(new ApiException('Unauthorized', 401, '', {}, null))
    expect(p.status).toBe(401)
    expect(isProblemStatus(new ApiException('x', 401, '', {}, null), 401)).toBe(true)
  })

  it('treats a fetch TypeError as a network problem', () => {
    const p = toProblem(new TypeError('Failed to fetch'))
    expect(p).toMatchObject({ status: 0, network: true })
  })

  it('gets the status of an empty-bodied 401 from the generated client', async () => {
    server.use(http.get('/api/v1/auth/me', () => new HttpResponse(null, { status: 401 })))
    const err = await api.getCurrentUser().catch((e: unknown) => e)
    expect(toProblem(err).status).toBe(401)
  })
})

describe('If-Match', () => {
  it('sends the ETag given to a generated method', async () => {
    server.use(
      http.post('/api/v1/actors/a1/archive', () => HttpResponse.json({ id: 'a1', version: 4 })),
      http.post('/api/v1/actors/a2/archive', () => HttpResponse.json({ id: 'a2', version: 2 })),
    )
    const { etag } = await import('./index')
    await api.archiveActor('a1', etag(3))
    await api.archiveActor('a2', etag(2))
    expect(requests[0].headers.get('If-Match')).toBe('"3"')
    expect(requests[1].headers.get('If-Match')).toBe('"2"')
  })
})

describe('isTransient', () => {
  it('is true where trying again can help: no connection, 408, 429 and 5xx', () => {
    expect(isTransient(new TypeError('Failed to fetch'))).toBe(true)
    for (const status of [408, 429, 500, 502, 503]) expect(isTransient({ status, title: 'x' })).toBe(true)
  })

  it('is false for answers that stay the same: 400, 401, 403, 404, 409, 412, 422, 428', () => {
    for (const status of [400, 401, 403, 404, 409, 412, 422, 428]) expect(isTransient({ status, title: 'x' })).toBe(false)
  })
})
