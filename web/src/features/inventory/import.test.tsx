import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import type { InventoryImportResult } from '@/api'
import { axeViolations } from '@/testing/axe'
import { renderApp } from '@/testing/render'
import { problem, requests, server } from '@/testing/server'
import { inventoryExportUrl } from './api/inventory'

const csv = 'Externe ID;Einrichtung;Angebot;Breite\nA-1;Kita Nord;Kita;52,4\nA-2;Kita Süd;Kita;95\n'
const file = () => new File([csv], 'bestand.csv', { type: 'text/csv' })

const result = (overrides: Partial<InventoryImportResult>): InventoryImportResult => ({
  dryRun: true, imported: false, rows: 2, created: 2, updated: 0, unchanged: 0, errorCount: 0, errors: [], ...overrides,
})

describe('spreadsheet import', () => {
  it('checks first and shows every bad row by line and column in German; nothing is imported', async () => {
    server.use(
      http.post('/api/v1/inventory/imports', () => {
        return HttpResponse.json(result({
          errorCount: 2,
          errors: [
            { line: 3, column: 'latitude', code: 'outsideWgs84', message: 'Latitude 95 lies outside WGS 84 (-90 to 90).',
              args: { value: '95' } },
            { line: 3, column: 'category', code: 'unknownCategory', message: "No category has the code 'kitta'.",
              args: { value: 'kitta' } },
          ],
        }))}),
    )
    renderApp({ route: '/inventory/import' })
    const user = userEvent.setup()
    await user.upload(await screen.findByLabelText('Datei'), file())
    const run = screen.getByRole('button', { name: 'Importieren' })
    expect(run).toBeDisabled()
    await user.click(screen.getByRole('button', { name: 'Datei prüfen' }))

    const table = await screen.findByRole('table', { name: 'Fehlerhafte Zeilen nach Zeile und Spalte' })
    const rows = within(table).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').map((c) => c.textContent))
    expect(rows).toEqual([
      ['3', 'Breite (latitude)', '„95“ liegt außerhalb von WGS 84 (Breite -90 bis 90, Länge -180 bis 180).'],
      ['3', 'Kategorie (category)', 'Keine Kategorie hat das Kürzel „kitta“.'],
    ])
    expect(screen.getByText('2 Fehler gefunden. Es wurde nichts gespeichert.')).toBeInTheDocument()
    expect(screen.getByText(/Korrigieren Sie die genannten Zellen/)).toBeInTheDocument()
    expect(run).toBeDisabled()
    const sent = requests.filter((r) => r.method === 'POST')
    expect(sent).toHaveLength(1)
    expect(sent[0].url.searchParams.get('dryRun')).toBe('true')
    expect(sent[0].url.searchParams.get('format')).toBe('csv')
    expect(sent[0].headers.get('Content-Type')).toMatch(/^text\/csv/)
    await waitFor(() => expect(sent[0].body).toBe(csv))
    expect(await axeViolations()).toEqual([])
  })

  it('says why a cell is needed when it is needed because of another one, and lists the statuses in German', async () => {
    server.use(http.post('/api/v1/inventory/imports', () => HttpResponse.json(result({
      errorCount: 5,
      errors: [
        { line: 2, column: 'external_id', code: 'required', message: "'external_id' ist erforderlich.", args: {} },
        // the funding end is filled: what is missing are the funders it applies to
        { line: 2, column: 'funding_end', code: 'required',
          message: "'funding_end' braucht die Fördermittelgeber, für die es gilt ('funders').", args: {} },
        { line: 3, column: 'postal_code', code: 'required', message: "'postal_code' ist zusammen mit einer Straße erforderlich.",
          args: {} },
        // a reason this version of the app has no text for: the server's message, in the request's language
        { line: 3, column: 'space', code: 'required', message: 'Der Sozialraum wird hier gebraucht, weil …', args: {} },
        { line: 3, column: 'status', code: 'notAStatus', message: "'offen' ist kein Angebotsstatus.", args: { value: 'offen' } },
      ],
    }))))
    renderApp({ route: '/inventory/import' })
    const user = userEvent.setup()
    await user.upload(await screen.findByLabelText('Datei'), file())
    await user.click(screen.getByRole('button', { name: 'Datei prüfen' }))
    const table = await screen.findByRole('table', { name: 'Fehlerhafte Zeilen nach Zeile und Spalte' })
    const rows = within(table).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').map((c) => c.textContent))
    expect(rows).toEqual([
      ['2', 'Externe ID (external_id)', 'Pflichtangabe fehlt – bitte ausfüllen.'],
      ['2', 'Förderende (funding_end)',
        'Ein Förderende braucht die Förderer, für die es gilt – bitte die Spalte „Förderer“ ausfüllen oder das Förderende leeren.'],
      ['3', 'PLZ (postal_code)', 'Zu einer Straße gehört die PLZ – bitte ergänzen.'],
      ['3', 'Sozialraum (space)', 'Der Sozialraum wird hier gebraucht, weil …'],
      ['3', 'Status (status)', '„offen“ ist kein Status (aktiv, inaktiv, eingestellt oder vorübergehend geschlossen).'],
    ])
    expect(screen.getByRole('cell', { name: /^aktiv, inaktiv, eingestellt oder vorübergehend geschlossen\.$/ })).toBeInTheDocument()
  })

  it('imports after a clean check, and says what happened', async () => {
    server.use(
      http.post('/api/v1/inventory/imports', ({ request }) => {
        const dryRun = new URL(request.url).searchParams.get('dryRun') === 'true'
        return HttpResponse.json(result({ dryRun, imported: !dryRun }))
      }),
    )
    renderApp({ route: '/inventory/import' })
    const user = userEvent.setup()
    await user.upload(await screen.findByLabelText('Datei'), file())
    await user.selectOptions(screen.getByLabelText(/^Trennzeichen/), 'semicolon')
    await user.click(screen.getByRole('button', { name: 'Datei prüfen' }))
    expect(await screen.findByText(/Die Prüfung ist fehlerfrei: 2 Zeilen, davon 2 neu/)).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Importieren' }))
    expect(await screen.findByText(/Import abgeschlossen: 2 Zeilen/)).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Zur Liste der Einrichtungen' })).toHaveAttribute('href', '/inventory')
    expect(requests.filter((r) => r.method === 'POST').map((r) => [r.url.searchParams.get('dryRun'),
      r.url.searchParams.get('delimiter')])).toEqual([['true', 'semicolon'], ['false', 'semicolon']])
  })

  it('says what to do when the file is too large, of another format or empty, and offers the template and the columns', async () => {
    let status = 413
    server.use(http.post('/api/v1/inventory/imports', () => problem(status, 'Payload Too Large', { limit: 20971520 })))
    renderApp({ route: '/inventory/import' })
    const user = userEvent.setup()
    expect(await screen.findByRole('link', { name: /Vorlage herunterladen/ })).toHaveAttribute('href',
      '/templates/bestandsaufnahme-vorlage.csv')
    expect(screen.getByRole('table', { name: 'Spalten des Imports' })).toHaveTextContent('Förderende')
    await user.click(screen.getByRole('button', { name: 'Datei prüfen' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Bitte zuerst eine CSV- oder XLSX-Datei wählen.')
    await user.upload(screen.getByLabelText('Datei'), file())
    await user.click(screen.getByRole('button', { name: 'Datei prüfen' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(/größer als 20 MB\. Bitte teilen Sie die Tabelle/)
    status = 415
    await user.click(screen.getByRole('button', { name: 'Datei prüfen' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(/Speichern Sie die Tabelle als „CSV UTF-8“/)
    status = 200
    server.use(http.post('/api/v1/inventory/imports', () => HttpResponse.json(result({ rows: 0, created: 0 }))))
    await user.click(screen.getByRole('button', { name: 'Datei prüfen' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Die Datei enthält nur die Kopfzeile.')
    expect(screen.getByRole('button', { name: 'Importieren' })).toBeDisabled()
  })
})

describe('inventory export', () => {
  it('builds the export links from the list filters', () => {
    const filters = { spaceId: 's-1', category: 'kita', q: 'Sonne' }
    expect(inventoryExportUrl('csv', filters)).toBe('/api/v1/exports/inventory?format=csv&spaceId=s-1&category=kita&q=Sonne')
    expect(inventoryExportUrl('csvExcel', {})).toBe('/api/v1/exports/inventory?format=csv&delimiter=semicolon&decimal=comma')
    expect(inventoryExportUrl('geojson', { operatorId: 'a-1' })).toBe('/api/v1/exports/inventory?format=geojson&operatorId=a-1')
  })
})
