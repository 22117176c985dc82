import { screen, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { RecentImportKind, type RecentImportDto } from '@/api'
import { axeViolations } from '@/testing/axe'
import { renderWithProviders } from '@/testing/render'
import { requests, server } from '@/testing/server'
import { RecentImports } from './components/recent-imports'

const imports: RecentImportDto[] = [
  { id: 'a', occurredAt: '2026-12-04T08:15:00Z', by: 'Petra Planerin', kind: RecentImportKind.Observations,
    counts: { rows: 12, created: 10, updated: 1 } },
  { id: 'b', occurredAt: '2026-12-03T16:00:00Z', kind: RecentImportKind.Spaces, counts: { created: 1, updated: 0 } },
  { id: 'c', occurredAt: '2026-12-02T10:00:00Z', by: 'Schnittstelle Kita', kind: RecentImportKind.Hsds,
    counts: { records: 40, organizations: 3, locations: 5, services: 7, taxonomyTerms: 9 } },
]

describe('latest imports on the start page', () => {
  it('lists what was imported, when, by whom and how much, in German and English, axe-clean', async () => {
    document.title = 'Start'
    server.use(http.get('/api/v1/imports/recent', () => HttpResponse.json(imports)))
    renderWithProviders(<RecentImports headingId="recent" />)
    const section = screen.getByRole('region', { name: 'Letzte Importe' })
    const items = await within(section).findAllByRole('listitem')
    expect(items).toHaveLength(3)
    expect(items[0]).toHaveTextContent('Indikatorwerte')
    expect(items[0]).toHaveTextContent('Petra Planerin')
    expect(items[0]).toHaveTextContent('12 Zeilen, 10 neu, 1 geändert')
    expect(items[1]).toHaveTextContent('Sozialräume')
    expect(items[1]).toHaveTextContent('System')
    expect(items[1]).toHaveTextContent('1 neu, 0 geändert')
    expect(items[2]).toHaveTextContent('Bestandsaufnahme (HSDS)')
    expect(items[2]).toHaveTextContent('40 Datensätze, 3 Organisationen, 5 Standorte, 7 Angebote')
    expect(items[2]).not.toHaveTextContent('taxonomyTerms')
    expect(within(items[0]).getByText(/2026/).closest('time')).toHaveAttribute('dateTime', '2026-12-04T08:15:00Z')
    expect(requests.find((r) => r.url.pathname === '/api/v1/imports/recent')?.url.searchParams.get('limit')).toBe('5')
    expect(await axeViolations()).toEqual([])

    const { default: i18n } = await import('i18next')
    await i18n.changeLanguage('en')
    try {
      expect(await screen.findByRole('heading', { name: 'Latest imports' })).toBeInTheDocument()
      expect(screen.getByText('12 rows, 10 new, 1 changed')).toBeInTheDocument()
      expect(screen.getByText('Indicator values')).toBeInTheDocument()
    } finally {
      await i18n.changeLanguage('de')
    }
  })

  it('says so when nothing was imported yet', async () => {
    server.use(http.get('/api/v1/imports/recent', () => HttpResponse.json([])))
    renderWithProviders(<RecentImports headingId="recent" />)
    expect(await screen.findByText('Noch keine Importe.')).toBeInTheDocument()
  })
})
