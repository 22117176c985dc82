import { describe, expect, it } from 'vitest'
import { mockApi } from '@/testing/mock-api'
import { ApiException, api, apiFetch, etag, readCookie } from './index'
import { isProblemStatus, toProblem } from './problem'

describe('apiFetch', () => {
  it('sends the session cookie and no antiforgery header on GET', async () => {
    document.cookie = 'XSRF-TOKEN=abc123'
    const server = mockApi().on('GET /api/v1/auth/me', { body: { id: '1', email: 'a@b.de', displayName: 'A', role: 'viewer' } })
    await api.getCurrentUser()
    expect(server.requests[0].credentials).toBe('same-origin')
    expect(server.requests[0].headers.has('X-XSRF-TOKEN')).toBe(false)
    expect(server.requests[0].headers.get('Accept-Language')).toBe('de')
  })

  it('copies the XSRF-TOKEN cookie into X-XSRF-TOKEN on unsafe methods', async () => {
    document.cookie = 'other=1'
    document.cookie = 'XSRF-TOKEN=CfDJ8%2Btoken'
    const server = mockApi().on('POST /api/v1/auth/logout', { status: 204 })
    await api.logout()
    expect(server.requests[0].headers.get('X-XSRF-TOKEN')).toBe('CfDJ8+token')
    expect(server.requests[0].credentials).toBe('same-origin')
  })

  it('keeps the client headers (content type, If-Match)', async () => {
    const server = mockApi().on('POST /x', { body: {} })
    await apiFetch('/x', { method: 'post', headers: { 'Content-Type': 'application/json', 'If-Match': etag(7) }, body: '{}' })
    expect(server.requests[0].method).toBe('POST')
    expect(server.requests[0].headers.get('content-type')).toBe('application/json')
    expect(server.requests[0].headers.get('if-match')).toBe('"7"')
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
    mockApi().on('POST /api/v1/auth/login', {
      status: 400,
      body: { title: 'One or more validation errors occurred.', status: 400, errors: { email: ['Email is invalid.'] } },
    })
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
    mockApi().on('GET /api/v1/auth/me', { status: 401 })
    const err = await api.getCurrentUser().catch((e: unknown) => e)
    expect(toProblem(err).status).toBe(401)
  })
})

describe('If-Match', () => {
  it('sends the ETag given to a generated method', async () => {
    const server = mockApi()
      .on('POST /api/v1/actors/a1/archive', { body: { id: 'a1', version: 4 } })
      .on('POST /api/v1/actors/a2/archive', { body: { id: 'a2', version: 2 } })
    const { etag } = await import('./index')
    await api.archiveActor('a1', etag(3))
    await api.archiveActor('a2', etag(2))
    expect(server.requests[0].headers.get('If-Match')).toBe('"3"')
    expect(server.requests[1].headers.get('If-Match')).toBe('"2"')
  })
})
