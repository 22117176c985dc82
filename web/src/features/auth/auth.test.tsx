import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { renderApp, testUser } from '@/testing/render'
import { problem, requests, server } from '@/testing/server'

const signedOut = http.get('/api/v1/auth/me', () => problem(401, 'Unauthorized'))

async function fillLogin(email = 'kim@example.org', password = 'geheim') {
  const user = userEvent.setup()
  await user.type(await screen.findByLabelText(/E-Mail-Adresse/), email)
  await user.type(screen.getByLabelText(/Passwort/), password)
  await user.click(screen.getByRole('button', { name: 'Anmelden' }))
  return user
}

describe('route guard and login', () => {
  it('sends a signed-out visitor to the login page (401 from /auth/me)', async () => {
    server.use(signedOut)
    const { router } = renderApp({ route: '/actors', user: 'ask' })
    expect(await screen.findByRole('heading', { level: 1, name: 'Anmelden' })).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/login')
  })

  it('shows German validation messages before calling the API', async () => {
    server.use(signedOut)
    renderApp({ route: '/login', user: 'ask' })
    const user = userEvent.setup()
    await user.type(await screen.findByLabelText(/E-Mail-Adresse/), 'kein-at-zeichen')
    await user.click(screen.getByRole('button', { name: 'Anmelden' }))
    expect(await screen.findByText('Bitte geben Sie eine gültige E-Mail-Adresse ein.')).toBeInTheDocument()
    expect(screen.getByText('Bitte füllen Sie dieses Feld aus.')).toBeInTheDocument()
    expect(screen.getByLabelText(/Passwort/)).toHaveAttribute('aria-invalid', 'true')
    expect(requests.filter((r) => r.url.pathname.endsWith('/login'))).toHaveLength(0)
  })

  it('explains wrong credentials', async () => {
    server.use(signedOut, http.post('/api/v1/auth/login', () => problem(401, 'Unauthorized')))
    renderApp({ route: '/login', user: 'ask' })
    await fillLogin()
    expect(await screen.findByRole('alert')).toHaveTextContent('E-Mail-Adresse oder Passwort ist falsch.')
  })

  it('explains the rate limit (429)', async () => {
    server.use(signedOut, http.post('/api/v1/auth/login', () => problem(429, 'Too Many Requests')))
    renderApp({ route: '/login', user: 'ask' })
    await fillLogin()
    expect(await screen.findByRole('alert')).toHaveTextContent('Zu viele Versuche, bitte in einer Minute erneut versuchen')
  })

  it('logs in and returns to the page that was asked for', async () => {
    let signedIn = false
    server.use(
      http.get('/api/v1/auth/me', () => (signedIn ? HttpResponse.json(testUser) : problem(401, 'Unauthorized'))),
      http.post('/api/v1/auth/login', () => {
        signedIn = true
        return HttpResponse.json(testUser)
      }),
      http.get('/api/v1/spaces/tree', () => HttpResponse.json([])),
    )
    const { router } = renderApp({ route: '/spaces', user: 'ask' })
    await screen.findByRole('heading', { level: 1, name: 'Anmelden' })
    await fillLogin('kim@example.org', 'richtig')
    await waitFor(() => expect(router.state.location.pathname).toBe('/spaces'))
    expect(await screen.findByRole('heading', { level: 1, name: 'Sozialräume' })).toBeInTheDocument()
    const login = requests.find((r) => r.url.pathname === '/api/v1/auth/login')
    expect(login?.body).toEqual({ email: 'kim@example.org', password: 'richtig' })
  })

  it('goes to the login page when any request answers 401', async () => {
    server.use(http.get('/api/v1/spaces/tree', () => problem(401, 'Unauthorized')), signedOut)
    const { router } = renderApp({ route: '/spaces' })
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'))
  })

  it('logs out from the user menu', async () => {
    server.use(http.post('/api/v1/auth/logout', () => new HttpResponse(null, { status: 204 })), signedOut)
    const { router } = renderApp({ route: '/' })
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: /Kim Koordination/ }))
    await user.click(screen.getByRole('button', { name: 'Abmelden' }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'))
    expect(requests.some((r) => r.method === 'POST' && r.url.pathname === '/api/v1/auth/logout')).toBe(true)
  })

  it('logs out everywhere from the user menu', async () => {
    server.use(http.post('/api/v1/auth/logout-everywhere', () => new HttpResponse(null, { status: 204 })), signedOut)
    const { router } = renderApp({ route: '/' })
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: /Kim Koordination/ }))
    await user.click(screen.getByRole('button', { name: 'Überall abmelden' }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'))
    expect(requests.some((r) => r.method === 'POST' && r.url.pathname === '/api/v1/auth/logout-everywhere')).toBe(true)
    expect(requests.some((r) => r.url.pathname === '/api/v1/auth/logout')).toBe(false)
  })
})
