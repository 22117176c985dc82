import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { CapacityUnit, type CapacityEntryDto } from '@/api'
import { axeViolations } from '@/testing/axe'
import { renderApp } from '@/testing/render'
import { page, problem, requests, server } from '@/testing/server'
import { capacitySeries, utilisation } from './capacity-schema'
import { categoryTerms, service, taxonomies, targetGroupTerms } from './inventory-fixtures'

const entry = (asOf: string, maximum: number, available: number | undefined, id = asOf): CapacityEntryDto => ({
  id, serviceAtLocationId: 'sal-1', locationId: 'loc-1', unit: CapacityUnit.Places, maximum, available, asOf,
  createdAt: `${asOf}T00:00:00Z`,
})

const loaded = service({
  id: 'svc-1',
  name: 'Kita Sonnenschein',
  locations: [{ id: 'sal-1', locationId: 'loc-1', locationName: 'Haus Sonnenschein', contacts: [], phones: [], openingHours: [],
    closures: [], capacity: [] }],
})

function withServiceApi(history: CapacityEntryDto[], ...handlers: Parameters<typeof server.use>) {
  server.use(
    ...handlers,
    http.get('/api/v1/services/svc-1', () => HttpResponse.json(loaded)),
    http.get('/api/v1/services/svc-1/capacity', () => HttpResponse.json(history)),
    http.get('/api/v1/fundings', () => page([])),
    http.get('/api/v1/taxonomies', () => HttpResponse.json(taxonomies)),
    http.get('/api/v1/taxonomies/tax-cat/terms', () => HttpResponse.json(categoryTerms)),
    http.get('/api/v1/taxonomies/tax-tg/terms', () => HttpResponse.json(targetGroupTerms)),
  )
}

describe('capacity', () => {
  it('computes utilisation and groups the history per location and unit, oldest first', () => {
    expect(utilisation({ maximum: 40, available: 10 })).toBe(75)
    expect(utilisation({ maximum: 40, available: undefined })).toBeUndefined()
    expect(utilisation({ maximum: 0, available: 0 })).toBeUndefined()
    const series = capacitySeries([entry('2026-03-01', 40, 5), entry('2025-09-01', 40, 10),
      { ...entry('2026-01-01', 20, 4), unit: CapacityUnit.HoursPerWeek }])
    expect(series.map((s) => [s.unit, s.entries.map((e) => e.asOf)])).toEqual([
      ['places', ['2025-09-01', '2026-03-01']],
      ['hoursPerWeek', ['2026-01-01']],
    ])
  })

  it('shows the latest figures, the history as a chart and a table, and records a new entry', async () => {
    const history = [entry('2025-09-01', 40, 10), entry('2026-03-01', 40, 4)]
    withServiceApi(history, http.post('/api/v1/services/svc-1/capacity', async ({ request }) => {
      const body = await request.json() as CapacityEntryDto
      const created = { ...entry(body.asOf, body.maximum, body.available, 'new') }
      history.push(created)
      return HttpResponse.json(created, { status: 201 })
    }))
    renderApp({ route: '/inventory/services/svc-1' })
    const user = userEvent.setup()
    expect(await screen.findByText('4 von 40 Plätze frei (Stand 01.03.2026)')).toBeInTheDocument()
    expect(screen.getByRole('img', { name: /Auslastung von Kita Sonnenschein im Zeitverlauf/ })).toBeInTheDocument()
    const table = screen.getByRole('table', { name: 'Kapazität von Kita Sonnenschein nach Stand' })
    expect(within(table).getAllByRole('row').slice(1).map((r) => r.textContent)).toEqual([
      '01.03.2026Haus SonnenscheinPlätze40490 %',
      '01.09.2025Haus SonnenscheinPlätze401075 %',
    ])

    await user.click(screen.getByRole('button', { name: 'Kapazität erfassen' }))
    const form = screen.getByRole('form', { name: 'Kapazität erfassen' })
    // the service's one facility is chosen already
    expect(within(form).getByLabelText(/^Einrichtung/)).toHaveValue('loc-1')
    await user.type(within(form).getByLabelText(/^Höchstens/), '45')
    await user.type(within(form).getByLabelText(/^Davon frei/), '0')
    const asOf = within(form).getByLabelText(/^Stand/)
    await user.clear(asOf)
    await user.type(asOf, '2026-05-01')
    expect(await axeViolations()).toEqual([])
    await user.click(within(form).getByRole('button', { name: 'Kapazität speichern' }))

    expect(await screen.findByText('Die Kapazität mit Stand 01.05.2026 ist erfasst.')).toBeInTheDocument()
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ locationId: 'loc-1', unit: 'places', maximum: 45, available: 0,
      asOf: '2026-05-01' })
    expect(await screen.findByText('0 von 45 Plätze frei (Stand 01.05.2026)')).toBeInTheDocument()
  })

  it('checks the figures before sending and shows a conflict for an entry that exists', async () => {
    withServiceApi([], http.post('/api/v1/services/svc-1/capacity', () =>
      problem(409, 'Conflict', { detail: 'An entry for this location, unit and date exists.' })))
    renderApp({ route: '/inventory/services/svc-1' })
    const user = userEvent.setup()
    expect(await screen.findByText('Keine Kapazität erfasst.')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Kapazität erfassen' }))
    const form = screen.getByRole('form', { name: 'Kapazität erfassen' })
    await user.type(within(form).getByLabelText(/^Höchstens/), 'viele')
    await user.type(within(form).getByLabelText(/^Davon frei/), '5')
    await user.click(within(form).getByRole('button', { name: 'Kapazität speichern' }))
    expect(await within(form).findByText(
      'Bitte eine Zahl wie 1.234 oder 12,5 eingeben (Punkt trennt Tausender, Komma die Nachkommastellen).')).toBeInTheDocument()
    const maximum = within(form).getByLabelText(/^Höchstens/)
    await user.clear(maximum)
    await user.type(maximum, '1.500')
    const available = within(form).getByLabelText(/^Davon frei/)
    await user.clear(available)
    await user.type(available, '1.501')
    await user.click(within(form).getByRole('button', { name: 'Kapazität speichern' }))
    expect(await within(form).findByText('Es können nicht mehr frei sein als höchstens vorhanden.')).toBeInTheDocument()
    expect(requests.some((r) => r.method === 'POST')).toBe(false)

    await user.clear(available)
    await user.type(available, '1.499')
    await user.click(within(form).getByRole('button', { name: 'Kapazität speichern' }))
    await waitFor(() => expect(within(form).getByRole('alert')).toHaveTextContent(/An entry for this location, unit and date exists\./))
    expect(requests.find((r) => r.method === 'POST')?.body).toMatchObject({ maximum: 1500, available: 1499 })
  })
})
