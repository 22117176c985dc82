import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { LANGUAGE_STORAGE_KEY } from '@/lib/i18n'
import { axeViolations } from '@/testing/axe'
import { actorTypes, spaceTree } from '@/testing/fixtures'
import { renderApp } from '@/testing/render'
import { page, problem, server } from '@/testing/server'

describe('app shell', () => {
  it('has a skip link, landmarks, navigation with every area and one h1', async () => {
    server.use(
      http.get('/api/v1/networks/attention', () => HttpResponse.json([])),
      http.get('/api/v1/fundings/ending', () => HttpResponse.json({ on: '2026-12-04', horizon: 'P6M', until: '2027-06-04', items: [] })),
    )
    renderApp({ route: '/' })
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('Willkommen, Kim Koordination')
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1)
    expect(screen.getByRole('link', { name: 'Zum Inhalt springen' })).toHaveAttribute('href', '#main')
    expect(screen.getByRole('banner')).toBeInTheDocument()
    expect(screen.getByRole('main')).toHaveAttribute('id', 'main')
    const nav = screen.getByRole('navigation', { name: 'Hauptnavigation' })
    expect(within(nav).getByRole('link', { name: 'Start' })).toHaveAttribute('aria-current', 'page')
    expect(within(nav).getByRole('link', { name: 'Sozialräume' })).toBeInTheDocument()
    expect(within(nav).getByRole('link', { name: 'Akteure' })).toBeInTheDocument()
    expect(within(nav).getByRole('link', { name: 'Netzwerke' })).toHaveAttribute('href', '/networks')
    expect(within(nav).getByRole('link', { name: 'Verabredungen' })).toHaveAttribute('href', '/tasks')
    expect(within(nav).getByRole('link', { name: 'Netzwerkkarte' })).toHaveAttribute('href', '/network-map')
    expect(within(nav).getByRole('link', { name: 'Bestandsaufnahme' })).toHaveAttribute('href', '/inventory')
    expect(await screen.findByText('Derzeit hat kein Netzwerk Handlungsbedarf.')).toBeInTheDocument()
    expect(within(nav).getByRole('link', { name: 'Netzwerke' })).toHaveAttribute('href', '/networks')
    expect(within(nav).getByRole('link', { name: 'Indikatoren' })).toHaveAttribute('href', '/indicators')
    // on a phone the navigation hides behind the menu button (CSS); the button says whether it is open
    const menu = screen.getByRole('button', { name: 'Menü' })
    expect(menu).toHaveAttribute('aria-expanded', 'false')
    expect(menu).toHaveAttribute('aria-controls', 'main-nav-list')
    await userEvent.setup().click(menu)
    expect(menu).toHaveAttribute('aria-expanded', 'true')
    expect(nav).toHaveClass('is-open')
    expect(await axeViolations()).toEqual([])
  })

  it('switches to English, remembers the choice and sets <html lang>', async () => {
    server.use(
      http.get('/api/v1/networks/attention', () => HttpResponse.json([])),
      http.get('/api/v1/fundings/ending', () => HttpResponse.json({ on: '2026-12-04', horizon: 'P6M', until: '2027-06-04', items: [] })),
    )
    renderApp({ route: '/' })
    const user = userEvent.setup()
    expect(document.documentElement.lang).toBe('de')
    await user.selectOptions(await screen.findByLabelText('Sprache'), 'en')
    expect(await screen.findByRole('link', { name: 'Skip to content' })).toBeInTheDocument()
    expect(screen.getByRole('navigation', { name: 'Main navigation' })).toBeInTheDocument()
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Welcome, Kim Koordination')
    expect(document.documentElement.lang).toBe('en')
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en')
    await user.selectOptions(screen.getByLabelText('Language'), 'de')
    expect(document.documentElement.lang).toBe('de')
  })

  it('login page passes axe (without contrast, which the browser test checks)', async () => {
    server.use(http.get('/api/v1/auth/me', () => problem(401, 'Unauthorized')))
    renderApp({ route: '/login', user: 'ask' })
    await screen.findByRole('heading', { level: 1, name: 'Anmelden' })
    expect(await axeViolations()).toEqual([])
  })

  it('actor list and form pass axe', async () => {
    server.use(
      http.get('/api/v1/actor-types', () => HttpResponse.json(actorTypes)),
      http.get('/api/v1/spaces/tree', () => HttpResponse.json(spaceTree)),
      http.get('/api/v1/actors', () => page([])),
    )
    const { router } = renderApp({ route: '/actors' })
    await screen.findByText('Noch keine Akteure erfasst.')
    expect(await axeViolations()).toEqual([])
    await router.navigate('/actors/new')
    await screen.findByRole('heading', { level: 1, name: 'Neuen Akteur anlegen' })
    await waitFor(() => expect(screen.getByLabelText(/Nord/)).toBeInTheDocument())
    expect(await axeViolations()).toEqual([])
  })
})
