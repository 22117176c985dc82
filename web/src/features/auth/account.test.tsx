import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import type { SessionDto } from '@/api'
import { renderApp, testUser } from '@/testing/render'
import { problem, requests, server } from '@/testing/server'

const sessions: SessionDto[] = [
  { id: 's-this', createdAt: '2026-12-04T08:00:00Z', lastSeenAt: '2026-12-04T09:00:00Z', expiresAt: '2026-12-04T20:00:00Z',
    userAgent: 'Firefox', address: '10.0.0.7', current: true },
  { id: 's-phone', createdAt: '2026-12-03T07:30:00Z', lastSeenAt: '2026-12-03T08:00:00Z', expiresAt: '2026-12-03T19:30:00Z',
    userAgent: 'Safari iPhone', address: '10.0.0.9', current: false },
]

async function fillPassword(user: ReturnType<typeof userEvent.setup>, current: string, next: string, repeat = next) {
  await user.type(await screen.findByLabelText(/^Aktuelles Passwort/), current)
  await user.type(screen.getByLabelText(/^Neues Passwort(?! wiederholen)/), next)
  await user.type(screen.getByLabelText(/^Neues Passwort wiederholen/), repeat)
  await user.click(screen.getByRole('button', { name: 'Passwort ändern' }))
}

describe('Konto: own password and sessions', () => {
  it('changes the password and says that the other sessions ended', async () => {
    let open = [...sessions]
    server.use(
      http.get('/api/v1/auth/sessions', () => HttpResponse.json(open)),
      http.post('/api/v1/auth/password', () => {
        open = open.filter((s) => s.current)
        return new HttpResponse(null, { status: 204 })
      }),
      http.get('/api/v1/auth/me', () => HttpResponse.json(testUser)),
    )
    renderApp({ route: '/account' })
    expect(await screen.findByRole('heading', { level: 1, name: 'Konto' })).toBeInTheDocument()
    const user = userEvent.setup()
    await fillPassword(user, 'altes-Passwort-1', 'Kastanienallee-im-Herbst')
    expect(await screen.findByText('Passwort geändert. Ihre anderen Sitzungen wurden beendet.')).toBeInTheDocument()
    const sent = requests.find((r) => r.url.pathname === '/api/v1/auth/password')
    expect(sent?.body).toEqual({ currentPassword: 'altes-Passwort-1', newPassword: 'Kastanienallee-im-Herbst' })
    await waitFor(() => expect(screen.queryByText('Safari iPhone')).not.toBeInTheDocument())
  })

  it('checks length and repetition in the browser and shows the server\'s field errors', async () => {
    server.use(
      http.get('/api/v1/auth/sessions', () => HttpResponse.json(sessions)),
      http.post('/api/v1/auth/password', () =>
        problem(400, 'The request is invalid', { errors: { newPassword: ['This password is among the most common passwords.'] } })),
    )
    renderApp({ route: '/account' })
    const user = userEvent.setup()
    await fillPassword(user, 'altes-Passwort-1', 'zu-kurz', 'anders')
    expect(await screen.findByText('Das Passwort muss mindestens 12 Zeichen lang sein.')).toBeInTheDocument()
    expect(screen.getByText('Die beiden Eingaben stimmen nicht überein.')).toBeInTheDocument()
    expect(requests.filter((r) => r.url.pathname === '/api/v1/auth/password')).toHaveLength(0)

    for (const label of [/^Neues Passwort(?! wiederholen)/, /^Neues Passwort wiederholen/]) await user.clear(screen.getByLabelText(label))
    await user.type(screen.getByLabelText(/^Neues Passwort(?! wiederholen)/), '1qaz2wsx3edc')
    await user.type(screen.getByLabelText(/^Neues Passwort wiederholen/), '1qaz2wsx3edc')
    await user.click(screen.getByRole('button', { name: 'Passwort ändern' }))
    expect(await screen.findByText('This password is among the most common passwords.')).toBeInTheDocument()
  })

  it('lists the own sessions, marks this one and ends another with the keyboard', async () => {
    server.use(
      http.get('/api/v1/auth/sessions', () => HttpResponse.json(sessions)),
      http.delete('/api/v1/auth/sessions/:id', () => new HttpResponse(null, { status: 204 })),
    )
    renderApp({ route: '/account' })
    const table = await screen.findByRole('table', { name: 'Angemeldete Sitzungen' })
    const rows = within(table).getAllByRole('row')
    expect(rows).toHaveLength(3)
    expect(within(rows[1]).getByText('Diese Sitzung')).toBeInTheDocument()
    expect(within(rows[1]).queryByRole('button')).not.toBeInTheDocument()
    const end = within(rows[2]).getByRole('button', { name: /^Sitzung vom .* beenden$/ })
    end.focus()
    await userEvent.setup().keyboard('{Enter}')
    const ended = () => requests.some((r) => r.method === 'DELETE' && r.url.pathname === '/api/v1/auth/sessions/s-phone')
    await waitFor(() => expect(ended()).toBe(true))
    expect(screen.getByRole('button', { name: 'Überall abmelden' })).toBeInTheDocument()
  })

  it('sends a user with a one-time password to the form first and on to the start page after the change', async () => {
    let must = true
    server.use(
      http.get('/api/v1/auth/me', () => HttpResponse.json({ ...testUser, mustChangePassword: must })),
      http.post('/api/v1/auth/password', () => {
        must = false
        return new HttpResponse(null, { status: 204 })
      }),
    )
    const { router } = renderApp({ route: '/actors', user: { ...testUser, mustChangePassword: true } })
    expect(await screen.findByText('Neues Passwort erforderlich')).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/account')
    expect(screen.queryByRole('table', { name: 'Angemeldete Sitzungen' })).not.toBeInTheDocument()
    expect(requests.some((r) => r.url.pathname === '/api/v1/auth/sessions')).toBe(false)

    await fillPassword(userEvent.setup(), 'Einmal-Kennwort-2026', 'Eigenes-Kennwort-2026')
    await waitFor(() => expect(router.state.location.pathname).toBe('/'))
  })

  it('speaks English too', async () => {
    server.use(http.get('/api/v1/auth/sessions', () => HttpResponse.json(sessions)))
    const { default: i18n } = await import('i18next')
    await i18n.changeLanguage('en')
    try {
      renderApp({ route: '/account' })
      expect(await screen.findByRole('heading', { level: 1, name: 'Account' })).toBeInTheDocument()
      expect(await screen.findByText('This session')).toBeInTheDocument()
    } finally {
      await i18n.changeLanguage('de')
    }
  })
})
