import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import i18n from 'i18next'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { AggregationRule, IndicatorDirection, IndicatorKind, ObservationStatus, type IndicatorDto, type ObservationDto } from '@/api'
import { axeViolations } from '@/testing/axe'
import { renderWithProviders } from '@/testing/render'
import { problem, requests, server } from '@/testing/server'
import { EntryGrid } from './routes/data-entry-page'

const stamp = { version: 1, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' }
const base = { decimals: 1, direction: IndicatorDirection.LowerIsBetter, scaleLabels: [], ...stamp }
const quote: IndicatorDto = { ...base, id: 'i-1', code: 'SGB2', name: 'SGB-II-Quote', kind: IndicatorKind.Rate, unit: '%',
  aggregation: AggregationRule.Rate, rateFactor: 100, isProportion: true }
const count: IndicatorDto = { ...base, id: 'i-2', code: 'EW', name: 'Einwohner', kind: IndicatorKind.Count,
  aggregation: AggregationRule.Sum, isProportion: false }
const small: IndicatorDto = { ...base, id: 'i-3', code: 'HZE', name: 'Hilfen zur Erziehung', kind: IndicatorKind.Count,
  aggregation: AggregationRule.Sum, isProportion: false }
const suppressedObs: ObservationDto = {
  id: 'o-3', indicatorId: 'i-3', indicatorCode: 'HZE', spaceId: 's-nord', spaceCode: 'N', spaceName: 'Nord', period: '2025',
  status: ObservationStatus.Final, suppressed: true, ...stamp,
}

function renderGrid() {
  document.title = 'Dateneingabe'
  return renderWithProviders(
    <main><EntryGrid indicators={[quote, count, small]} spaceId="s-nord" spaceName="Nord" period="2025"
      observations={[suppressedObs]} /></main>,
  )
}

describe('data entry grid', () => {
  it('saves a row with the right body and shows suppressed values as locked', async () => {
    server.use(
      http.put('/api/v1/observations', async ({ request }) =>
        HttpResponse.json({ id: 'o-1', ...((await request.json()) as object), suppressed: false, ...stamp }),
      ),
    )
    renderGrid()
    const user = userEvent.setup()
    expect(screen.getByText('gesperrt (kleine Fallzahl)')).toBeInTheDocument()
    await user.type(screen.getByLabelText('Wert – SGB-II-Quote'), '12,5')
    await user.type(screen.getByLabelText('Zähler – SGB-II-Quote'), '125')
    await user.type(screen.getByLabelText('Nenner – SGB-II-Quote'), '1000')
    await user.selectOptions(screen.getByLabelText('Status – SGB-II-Quote'), 'final')
    await user.type(screen.getByLabelText('Notiz – SGB-II-Quote'), 'Jobcenter{Enter}')
    expect(await screen.findByText('„SGB-II-Quote“ wurde gespeichert.')).toBeInTheDocument()
    const sent = requests.filter((r) => r.method === 'PUT')
    expect(sent).toHaveLength(1)
    expect(sent[0].body).toEqual(
      { indicatorId: 'i-1', spaceId: 's-nord', period: '2025', value: 12.5, numerator: 125, denominator: 1000, status: 'final',
        note: 'Jobcenter' })
    expect(screen.queryByLabelText('Zähler – Einwohner')).not.toBeInTheDocument()
    expect(await axeViolations()).toEqual([])
  })

  it('moves between rows with the arrow keys in the same column', async () => {
    renderGrid()
    const user = userEvent.setup()
    await user.click(screen.getByLabelText('Wert – SGB-II-Quote'))
    await user.keyboard('{ArrowDown}')
    expect(screen.getByLabelText('Wert – Einwohner')).toHaveFocus()
    await user.keyboard('{ArrowUp}')
    expect(screen.getByLabelText('Wert – SGB-II-Quote')).toHaveFocus()
    await user.click(screen.getByLabelText('Notiz – Einwohner'))
    await user.keyboard('{ArrowUp}')
    expect(screen.getByLabelText('Notiz – SGB-II-Quote')).toHaveFocus()
  })

  it('puts server field errors at the field', async () => {
    server.use(http.put('/api/v1/observations', () =>
        problem(400, 'Validation', { errors: { Value: ['Der Wert passt nicht zum Indikator.'] } })))
    renderGrid()
    const user = userEvent.setup()
    await user.type(screen.getByLabelText('Wert – Einwohner'), '3')
    await user.click(screen.getByRole('button', { name: '„Einwohner“ speichern' }))
    const input = screen.getByLabelText('Wert – Einwohner')
    expect(await screen.findByText('Der Wert passt nicht zum Indikator.')).toBeInTheDocument()
    expect(input).toHaveAttribute('aria-invalid', 'true')
    expect(screen.getByText(/„Einwohner“ konnte nicht gespeichert werden/)).toBeInTheDocument()
  })

  it('checks the rules of the indicator before saving and says what is wrong in German', async () => {
    renderGrid()
    const user = userEvent.setup()
    await user.type(screen.getByLabelText('Wert – Einwohner'), '-3{Enter}')
    expect(await screen.findByText('Eine Anzahl muss eine ganze Zahl ab 0 sein.')).toBeInTheDocument()
    expect(screen.getByLabelText('Wert – Einwohner')).toHaveAttribute('aria-invalid', 'true')

    await user.type(screen.getByLabelText('Zähler – SGB-II-Quote'), '12')
    await user.type(screen.getByLabelText('Nenner – SGB-II-Quote'), '10,5{Enter}')
    expect(await screen.findByText(
        'Der Zähler (12) ist größer als der Nenner (10,5); bei einem Anteil ist das unmöglich.')).toBeInTheDocument()
    expect(screen.getByLabelText('Zähler – SGB-II-Quote')).toHaveFocus()
    expect(requests.filter((r) => r.method === 'PUT')).toHaveLength(0)
  })
  it('reads numbers the German way: the point groups thousands, the comma is the decimal mark', async () => {
    server.use(
      http.put('/api/v1/observations', async ({ request }) =>
        HttpResponse.json({ id: 'o-1', ...((await request.json()) as object), suppressed: false, ...stamp }),
      ),
    )
    renderGrid()
    const user = userEvent.setup()
    await user.type(screen.getByLabelText('Zähler – SGB-II-Quote'), '1.234')
    await user.type(screen.getByLabelText('Nenner – SGB-II-Quote'), '10.000{Enter}')
    expect(await screen.findByText('„SGB-II-Quote“ wurde gespeichert.')).toBeInTheDocument()
    await user.type(screen.getByLabelText('Wert – Einwohner'), '1.500{Enter}')
    expect(await screen.findByText('„Einwohner“ wurde gespeichert.')).toBeInTheDocument()
    const sent = requests.filter((r) => r.method === 'PUT').map((r) => r.body)
    expect(sent).toEqual([
      { indicatorId: 'i-1', spaceId: 's-nord', period: '2025', numerator: 1234, denominator: 10000, status: 'provisional' },
      { indicatorId: 'i-2', spaceId: 's-nord', period: '2025', value: 1500, status: 'provisional' },
    ])
  })

  it('refuses a number German does not write (1.23) and says how to write one', async () => {
    renderGrid()
    const user = userEvent.setup()
    await user.type(screen.getByLabelText('Zähler – SGB-II-Quote'), '1.23')
    await user.type(screen.getByLabelText('Nenner – SGB-II-Quote'), '10{Enter}')
    const numerator = screen.getByLabelText('Zähler – SGB-II-Quote')
    expect(numerator).toHaveAttribute('aria-invalid', 'true')
    expect(numerator).toHaveAccessibleDescription(
      'Bitte eine Zahl wie 1.234 oder 12,5 eingeben (Punkt trennt Tausender, Komma die Nachkommastellen).')
    expect(screen.getByLabelText('Nenner – SGB-II-Quote')).not.toHaveAttribute('aria-invalid')
    expect(requests.filter((r) => r.method === 'PUT')).toHaveLength(0)
  })

  it('reads numbers the English way in English (1,234.5)', async () => {
    server.use(
      http.put('/api/v1/observations', async ({ request }) =>
        HttpResponse.json({ id: 'o-1', ...((await request.json()) as object), suppressed: false, ...stamp }),
      ),
    )
    await i18n.changeLanguage('en')
    try {
      renderGrid()
      const user = userEvent.setup()
      await user.type(await screen.findByLabelText('Numerator – SGB-II-Quote'), '1,234.5')
      await user.type(screen.getByLabelText('Denominator – SGB-II-Quote'), '10,000{Enter}')
      expect(await screen.findByText('“SGB-II-Quote” was saved.')).toBeInTheDocument()
      await user.type(screen.getByLabelText('Value – Einwohner'), '12,5{Enter}')
      expect(await screen.findByText('Please enter a number such as 1,234 or 12.5 (a comma separates thousands, a point the decimals).'))
        .toBeInTheDocument()
      expect(requests.filter((r) => r.method === 'PUT').map((r) => r.body)).toEqual([
        { indicatorId: 'i-1', spaceId: 's-nord', period: '2025', numerator: 1234.5, denominator: 10000, status: 'provisional' },
      ])
    } finally {
      await i18n.changeLanguage('de')
    }
  })

  it('shows stored numbers in the fields as the language writes them', async () => {
    const stored: ObservationDto = { ...suppressedObs, id: 'o-1', indicatorId: 'i-1', indicatorCode: 'SGB2', suppressed: false,
      value: 12.34, numerator: 1234, denominator: 10000 }
    renderWithProviders(
      <main><EntryGrid indicators={[quote]} spaceId="s-nord" spaceName="Nord" period="2025" observations={[stored]} /></main>)
    expect(screen.getByLabelText('Wert – SGB-II-Quote')).toHaveValue('12,34')
    expect(screen.getByLabelText('Nenner – SGB-II-Quote')).toHaveValue('10000')
  })
  it('asks to confirm an outlier with a button whose name holds what it shows (WCAG 2.5.3), then saves with the confirmation', async () => {
    let asked = false
    server.use(http.put('/api/v1/observations', async ({ request }) => {
      const body = (await request.json()) as Record<string, unknown>
      if (!body.confirmOutlier) {
        asked = true
        return problem(400, 'Validation', { errors: { value: ['Outlier.'] }, codes: { value: ['outlier'] } })
      }
      return HttpResponse.json({ id: 'o-2', ...body, suppressed: false, ...stamp })
    }))
    renderGrid()
    const user = userEvent.setup()
    await user.type(screen.getByLabelText('Wert – Einwohner'), '90.000{Enter}')
    const confirm = await screen.findByRole('button', { name: '„Einwohner“ trotzdem speichern' })
    expect(asked).toBe(true)
    expect(confirm).toHaveTextContent('Trotzdem speichern')
    expect(await axeViolations()).toEqual([])
    await user.click(confirm)
    expect(await screen.findByText('„Einwohner“ wurde gespeichert.')).toBeInTheDocument()
    expect(requests.filter((r) => r.method === 'PUT').map((r) => r.body)).toEqual([
      { indicatorId: 'i-2', spaceId: 's-nord', period: '2025', value: 90000, status: 'provisional' },
      { indicatorId: 'i-2', spaceId: 's-nord', period: '2025', value: 90000, status: 'provisional', confirmOutlier: true },
    ])
  })
  it('gives the status select the width of its longest label ("vorläufig", not "vorlä") and the numbers room', () => {
    renderGrid()
    expect(getComputedStyle(screen.getByLabelText('Status – SGB-II-Quote')).minWidth).toBe('max-content')
    expect(getComputedStyle(screen.getByLabelText('Nenner – SGB-II-Quote')).minWidth).toBe('7rem')
  })
})
