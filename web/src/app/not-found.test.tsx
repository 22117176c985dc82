import { screen } from '@testing-library/react'
import { http } from 'msw'
import { describe, expect, it } from 'vitest'
import { renderApp } from '@/testing/render'
import { problem, server } from '@/testing/server'

/** A record that does not exist stays missing: its page says so and offers no "Erneut versuchen", only transient failures do. */
describe('pages of missing and failing records', () => {
  it('a 404 page says the record is missing and offers no retry', async () => {
    server.use(http.get('/api/v1/actors/:id', () => problem(404, 'Nicht gefunden', { detail: "Akteur 'x' wurde nicht gefunden." })))
    renderApp({ route: '/actors/0190c5a0-0000-7000-8000-00000000dead' })
    expect(await screen.findByText('Der Datensatz wurde nicht gefunden.')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Erneut versuchen' })).not.toBeInTheDocument()
  })

  it('a page whose record could not be read for the moment (503) offers a retry', async () => {
    server.use(http.get('/api/v1/actors/:id', () => problem(503, 'Datenbank nicht erreichbar')))
    renderApp({ route: '/actors/0190c5a0-0000-7000-8000-00000000beef' })
    expect(await screen.findByRole('button', { name: 'Erneut versuchen' })).toBeInTheDocument()
  })
})
