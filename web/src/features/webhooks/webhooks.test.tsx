import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { Role, type WebhookDeliveryDto, type WebhookSubscriptionDto } from '@/api'
import { axeViolations } from '@/testing/axe'
import { renderApp, testUser } from '@/testing/render'
import { page, requests, server } from '@/testing/server'

const admin = { ...testUser, role: Role.Admin }
const jobcenter: WebhookSubscriptionDto = {
  id: 'w-1', url: 'https://jobcenter.example/raumnetz', eventTypes: ['actor.*'], description: 'Jobcenter', active: true,
  position: 41, attempts: 0, createdBy: 'user:1', version: 2, createdAt: '2026-12-01T08:00:00Z', updatedAt: '2026-12-01T08:00:00Z',
}
const disabled: WebhookSubscriptionDto = {
  ...jobcenter, id: 'w-2', url: 'https://jugendamt.example/hook', description: 'Jugendamt', active: false, version: 5,
  disabledReason: 'Deaktiviert nach 30 fehlgeschlagenen Versuchen', disabledAt: '2026-12-03T08:00:00Z',
}
const failed: WebhookDeliveryDto = {
  id: 'd-1', subscriptionId: 'w-1', seq: 42, eventId: 'evt_42', eventType: 'actor.update', attempt: 1, manual: false, statusCode: 503,
  durationMs: 120, responseExcerpt: 'down', succeeded: false, attemptedAt: '2026-12-04T09:30:00Z',
}

describe('Webhooks (administration)', () => {
  it('lists subscriptions with the reason a disabled one stopped, and resumes it with If-Match', async () => {
    server.use(
      http.get('/api/v1/webhooks', () => page([jobcenter, disabled])),
      http.put('/api/v1/webhooks/:id', () => HttpResponse.json({ ...disabled, active: true, disabledReason: null, version: 6 })),
    )
    renderApp({ route: '/admin/webhooks', user: admin })
    expect(await screen.findByText('Deaktiviert nach 30 fehlgeschlagenen Versuchen')).toBeInTheDocument()
    expect(await axeViolations()).toEqual([])
    await userEvent.setup().click(screen.getByRole('button', { name: 'Fortsetzen: Jugendamt' }))
    await waitFor(() => expect(requests.some((r) => r.method === 'PUT')).toBe(true))
    const put = requests.find((r) => r.method === 'PUT')!
    expect(put.url.pathname).toBe('/api/v1/webhooks/w-2')
    expect(put.headers.get('If-Match')).toBe('"5"')
    expect(put.body).toMatchObject({ url: disabled.url, eventTypes: ['actor.*'], active: true })
  })

  it('creates a subscription and shows its secret once', async () => {
    server.use(
      http.get('/api/v1/webhooks', () => page([])),
      http.post('/api/v1/webhooks', () =>
        HttpResponse.json({ ...jobcenter, secret: 'whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0' }, { status: 201 })),
    )
    renderApp({ route: '/admin/webhooks', user: admin })
    const user = userEvent.setup()
    await user.type(await screen.findByLabelText('Adresse des Empfängers (https)'), 'https://jobcenter.example/raumnetz')
    await user.clear(screen.getByLabelText('Ereignistypen'))
    await user.type(screen.getByLabelText('Ereignistypen'), 'actor.*, space.create')
    await user.click(screen.getByRole('button', { name: 'Abonnement anlegen' }))
    expect(await screen.findByText('whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0')).toBeInTheDocument()
    const post = requests.find((r) => r.method === 'POST')!
    expect(post.body).toEqual({ url: 'https://jobcenter.example/raumnetz', eventTypes: ['actor.*', 'space.create'] })
    expect(await axeViolations()).toEqual([])
  })

  it('shows the delivery log and redelivers an event', async () => {
    server.use(
      http.get('/api/v1/webhooks', () => page([jobcenter])),
      http.get('/api/v1/webhooks/:id/deliveries', () => page([failed])),
      http.post('/api/v1/webhooks/:id/deliveries/:deliveryId/redeliver', () =>
        HttpResponse.json({ ...failed, id: 'd-2', attempt: 2, manual: true, statusCode: 200, succeeded: true })),
    )
    renderApp({ route: '/admin/webhooks', user: admin })
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: 'Zustellprotokoll: Jobcenter' }))
    expect(await screen.findByText('evt_42')).toBeInTheDocument()
    expect(screen.getByText(/HTTP 503/)).toBeInTheDocument()
    expect(await axeViolations()).toEqual([])
    await user.click(screen.getByRole('button', { name: /^Erneut zustellen: evt_42/ }))
    expect(await screen.findByText('evt_42 wurde erneut zugestellt.')).toBeInTheDocument()
    expect(requests.some((r) => r.url.pathname === '/api/v1/webhooks/w-1/deliveries/d-1/redeliver')).toBe(true)
  })

  it('is for administrators only', async () => {
    const { router } = renderApp({ route: '/admin/webhooks', user: testUser })
    await waitFor(() => expect(router.state.location.pathname).toBe('/'))
  })
})
