import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import i18n from '@/lib/i18n'
import { renderWithProviders } from '@/testing/render'
import { ProblemAlert } from './problem-alert'

const problem = (status: number, extra: Record<string, unknown> = {}) => ({ status, title: 'Titel', ...extra })

describe('ProblemAlert', () => {
  it('offers no retry for a 404: the record stays missing', async () => {
    const onRetry = vi.fn()
    renderWithProviders(<ProblemAlert error={problem(404, { detail: "Sozialraum 'x' wurde nicht gefunden." })} onRetry={onRetry} />)
    expect(await screen.findByText('Der Datensatz wurde nicht gefunden.')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Erneut versuchen' })).not.toBeInTheDocument()
  })

  it.each([400, 403, 409, 412, 428])('offers no retry for %i', async (status) => {
    renderWithProviders(<ProblemAlert error={problem(status)} onRetry={vi.fn()} />)
    expect(await screen.findByText('Das hat nicht geklappt')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Erneut versuchen' })).not.toBeInTheDocument()
  })

  it.each([500, 503, 429])('offers a retry for the transient %i and calls it', async (status) => {
    const onRetry = vi.fn()
    renderWithProviders(<ProblemAlert error={problem(status)} onRetry={onRetry} />)
    await userEvent.click(await screen.findByRole('button', { name: 'Erneut versuchen' }))
    expect(onRetry).toHaveBeenCalledOnce()
  })

  it('offers a retry when the server was not reached', async () => {
    renderWithProviders(<ProblemAlert error={new TypeError('Failed to fetch')} onRetry={vi.fn()} />)
    expect(await screen.findByText(/Der Server ist nicht erreichbar/)).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Erneut versuchen' })).toBeInTheDocument()
  })

  it("shows the server's field messages of a refused input instead of its generic detail", async () => {
    const error = problem(400, {
      detail: "Korrigieren Sie die unter 'errors' genannten Felder und senden Sie die Anfrage erneut.",
      errors: { code: ["'code' darf nicht leer sein."] },
    })
    renderWithProviders(<ProblemAlert error={error} />)
    expect(await screen.findByText("Die Angaben sind unvollständig oder ungültig: 'code' darf nicht leer sein.")).toBeInTheDocument()
  })

  it("shows the server's detail of a conflict and of a missing precondition", async () => {
    renderWithProviders(
      <>
        <ProblemAlert error={problem(409, { detail: "Einen Indikator mit dem Code 'sgb2-quote' gibt es schon." })} />
        <ProblemAlert error={problem(428, { detail: 'Diese Anfrage ändert eine bestehende Ressource.' })} />
      </>,
    )
    const conflict = "Die Änderung steht im Widerspruch zu vorhandenen Daten: Einen Indikator mit dem Code 'sgb2-quote' gibt es schon."
    expect(await screen.findByText(conflict)).toBeInTheDocument()
    expect(screen.getByText('Diese Anfrage ändert eine bestehende Ressource.')).toBeInTheDocument()
  })

  it('speaks English when the UI does', async () => {
    await i18n.changeLanguage('en')
    renderWithProviders(<ProblemAlert error={problem(503)} onRetry={vi.fn()} />)
    expect(await screen.findByRole('button', { name: 'Try again' })).toBeInTheDocument()
  })
})
