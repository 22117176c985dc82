import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import i18n from 'i18next'
import { http, HttpResponse } from 'msw'
import { describe, expect, it, vi } from 'vitest'
import { AggregationRule, IndicatorDirection, IndicatorKind, ObservationStatus, type IndicatorDto, type IndicatorSetDto,
  type ObservationDto } from '@/api'
import { axeViolations } from '@/testing/axe'
import { spaceTree } from '@/testing/fixtures'
import { renderApp, renderWithProviders } from '@/testing/render'
import { page, requests, server, unhandled } from '@/testing/server'
import { exportUrl, fileNameFromDisposition } from './api/indicators'
import { ExportDialog } from './components/export-dialog'
import { SeriesTable } from './components/indicator-chart'
import { emptyIndicatorForm, makeIndicatorSchema, toIndicatorFormValues, toIndicatorRequest } from './indicator-schema'
import { SetEditor } from './routes/indicator-set-page'

const stamp = { version: 1, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' }

function indicator(n: number, overrides: Partial<IndicatorDto> = {}): IndicatorDto {
  return {
    id: `i-${n}`,
    code: `IND-${n}`,
    name: `Indikator ${n}`,
    kind: IndicatorKind.Rate,
    unit: '%',
    decimals: 1,
    direction: IndicatorDirection.LowerIsBetter,
    aggregation: AggregationRule.Rate,
    rateFactor: 100,
    isProportion: true,
    scaleLabels: [],
    ...stamp,
    ...overrides,
  }
}

const sgb2 = indicator(1, { code: 'SGB2', name: 'SGB-II-Quote' })

function observation(period: string, value: number | undefined, overrides: Partial<ObservationDto> = {}): ObservationDto {
  return {
    id: `o-${period}`,
    indicatorId: sgb2.id,
    indicatorCode: sgb2.code,
    spaceId: 's-nord',
    spaceCode: '09162-N',
    spaceName: 'Nord',
    period,
    value,
    status: ObservationStatus.Final,
    suppressed: false,
    ...stamp,
    ...overrides,
  }
}

describe('indicator catalogue', () => {
  it('lists indicators, links to them and passes axe', async () => {
    server.use(http.get('/api/v1/indicators', () =>
        page([sgb2, indicator(2, { kind: IndicatorKind.Rating, name: 'Nachbarschaftsklima' })])))
    renderApp({ route: '/indicators' })
    expect(await screen.findByRole('link', { name: 'SGB-II-Quote' })).toHaveAttribute('href', '/indicators/i-1')
    expect(screen.getByRole('cell', { name: 'Bewertung (weicher Faktor)' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Indikatoren', current: 'page' })).toBeInTheDocument()
    expect(await axeViolations()).toEqual([])
  })

  it('shows German field errors and the scale fields for ratings', async () => {
    renderApp({ route: '/indicators/new' })
    const user = userEvent.setup()
    await user.selectOptions(await screen.findByLabelText(/^Art/), 'rating')
    expect(screen.getByLabelText('Beschriftung der Skalenstufen')).toBeInTheDocument()
    await user.type(screen.getByLabelText('Beschriftung der Skalenstufen'), 'schlecht\ngut')
    await user.click(screen.getByRole('button', { name: 'Indikator anlegen' }))
    expect(await screen.findAllByText('Bitte ausfüllen.')).toHaveLength(2)
    expect(screen.getByText('Für 5 Stufen bitte 5 Beschriftungen (oder keine).')).toBeInTheDocument()
  })
})

describe('indicator form numbers', () => {
  it('reads factor, range and scale as German writes numbers (1.000 per thousand) and writes stored ones back the same way', () => {
    const form = { ...emptyIndicatorForm, code: 'SGB2', name: 'SGB-II-Quote', rateFactor: '1.000', minimum: '0,5', maximum: '1.000' }
    expect(makeIndicatorSchema(i18n.t.bind(i18n)).safeParse(form).success).toBe(true)
    expect(toIndicatorRequest(form)).toMatchObject({ rateFactor: 1000, minimum: 0.5, maximum: 1000 })
    const wrong = makeIndicatorSchema(i18n.t.bind(i18n)).safeParse({ ...form, minimum: '0.5' })
    expect(wrong.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['minimum', 'Bitte eine Zahl wie 1.234 oder 12,5 eingeben (Punkt trennt Tausender, Komma die Nachkommastellen).']])
    expect(toIndicatorFormValues(indicator(1, { rateFactor: 1000, minimum: 0.5 }))).toMatchObject({ rateFactor: '1000', minimum: '0,5' })
  })
})

describe('indicator set editor', () => {
  it('warns when more than seven indicators are in the set and reorders with buttons', async () => {
    const catalogue = Array.from({ length: 9 }, (_, n) => indicator(n + 1))
    const set: IndicatorSetDto = {
      id: 'set-1',
      name: 'Sozialmonitoring',
      indicators: catalogue.slice(0, 7).map((i, n) =>
        ({ position: n + 1, indicatorId: i.id, code: i.code, name: i.name, kind: i.kind, direction: i.direction })),
      exceedsRecommendedSize: false,
      recommendedMaxIndicators: 7,
      ...stamp,
    }
    renderWithProviders(<SetEditor set={set} catalogue={catalogue} />)
    const user = userEvent.setup()
    const hint = 'Lieber wenige aussagekräftige Indikatoren – mehr als sieben erschweren die Steuerung'
    expect(screen.queryByText(hint)).not.toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: '„Indikator 8“ hinzufügen' }))
    expect(screen.getByRole('alert')).toHaveTextContent(hint)
    expect(screen.getByRole('alert')).toHaveTextContent('Dieses Set enthält 8 Indikatoren.')
    await user.click(screen.getByRole('button', { name: '„Indikator 2“ nach oben' }))
    const items = within(screen.getAllByRole('list')[0]).getAllByRole('listitem')
    expect(items[0]).toHaveTextContent('1. Indikator 2')
    expect(items[1]).toHaveTextContent('2. Indikator 1')
    await user.click(screen.getByRole('button', { name: '„Indikator 8“ entfernen' }))
    expect(screen.queryByText(hint)).not.toBeInTheDocument()
  })
})

describe('goals editor', () => {
  const einwohner = indicator(2, { code: 'EW', name: 'Einwohner', kind: IndicatorKind.Count, unit: undefined, decimals: 0,
    aggregation: AggregationRule.Sum, rateFactor: undefined, isProportion: false })
  const set: IndicatorSetDto = {
    id: 'set-g', name: 'Monitoring Nord', exceedsRecommendedSize: false, recommendedMaxIndicators: 7, ...stamp,
    indicators: [sgb2, einwohner].map((i, n) =>
      ({ position: n + 1, indicatorId: i.id, code: i.code, name: i.name, kind: i.kind, direction: i.direction })),
  }
  function goalsApi() {
    server.use(
      http.get('/api/v1/indicator-sets/set-g', () => HttpResponse.json(set)),
      http.get('/api/v1/indicators', () => page([sgb2, einwohner])),
      http.get('/api/v1/spaces/tree', () => HttpResponse.json(spaceTree)),
      http.get('/api/v1/indicator-sets/set-g/goals', () => HttpResponse.json({ items: [
        { indicatorId: sgb2.id, spaceId: 's-nord', baseline: { period: '2020', value: 1250.5 }, targets: [] }] })),
      http.put('/api/v1/indicator-sets/set-g/goals', async ({ request }) =>
        HttpResponse.json({ items: ((await request.json()) as { goals: unknown[] }).goals })),
    )
  }
  const goalsSent = () => requests.filter((r) => r.method === 'PUT').map((r) => (r.body as { goals: unknown[] }).goals)

  it('reads values the German way (1.234 is a thousand and more, 12,5 has a decimal comma) and refuses 1.23', async () => {
    goalsApi()
    renderApp({ route: '/indicators/sets/set-g' })
    const user = userEvent.setup()
    await screen.findByRole('option', { name: /Nord/ })
    await user.selectOptions(screen.getByLabelText('Sozialraum'), 's-nord')
    const field = (name: string, column: string) => screen.getByRole('textbox', { name: `${name}: ${column}` })
    expect(await screen.findByRole('textbox', { name: 'SGB-II-Quote: Baseline: Wert' })).toHaveValue('1250,5')
    await user.clear(field('SGB-II-Quote', 'Baseline: Wert'))
    await user.type(field('SGB-II-Quote', 'Baseline: Wert'), '12,5')
    await user.type(field('SGB-II-Quote', 'Ziel: Zeitraum'), '2030')
    await user.type(field('SGB-II-Quote', 'Ziel: Wert'), '1.23')
    await user.type(field('Einwohner', 'Baseline: Zeitraum'), '2020')
    await user.type(field('Einwohner', 'Baseline: Wert'), '1.234')
    await user.type(field('Einwohner', 'Ziel: Zeitraum'), '2030')
    await user.type(field('Einwohner', 'Ziel: Wert'), '10.000')
    await user.click(screen.getByRole('button', { name: 'Ziele speichern' }))
    const wrong = field('SGB-II-Quote', 'Ziel: Wert')
    expect(wrong).toHaveAttribute('aria-invalid', 'true')
    expect(wrong).toHaveAccessibleDescription(
      'Bitte eine Zahl wie 1.234 oder 12,5 eingeben (Punkt trennt Tausender, Komma die Nachkommastellen).')
    expect(wrong).toHaveFocus()
    expect(goalsSent()).toEqual([])

    await user.clear(wrong)
    await user.type(wrong, '8,5')
    await user.click(screen.getByRole('button', { name: 'Ziele speichern' }))
    expect(await screen.findByText('Ausgangs- und Zielwerte wurden gespeichert.')).toBeInTheDocument()
    expect(goalsSent()).toEqual([[
      { indicatorId: 'i-1', spaceId: 's-nord', baseline: { period: '2020', value: 12.5 }, targets: [{ period: '2030', value: 8.5 }] },
      { indicatorId: 'i-2', spaceId: 's-nord', baseline: { period: '2020', value: 1234 }, targets: [{ period: '2030', value: 10000 }] },
    ]])
    expect(await axeViolations()).toEqual([])
  })

  it('reads values the English way in English (1,234.5)', async () => {
    goalsApi()
    await i18n.changeLanguage('en')
    try {
      renderApp({ route: '/indicators/sets/set-g' })
      const user = userEvent.setup()
      await screen.findByRole('option', { name: /Nord/ })
      await user.selectOptions(screen.getByLabelText('Social space'), 's-nord')
      expect(await screen.findByRole('textbox', { name: 'SGB-II-Quote: Baseline: value' })).toHaveValue('1250.5')
      await user.type(screen.getByRole('textbox', { name: 'Einwohner: Baseline: period' }), '2020')
      await user.type(screen.getByRole('textbox', { name: 'Einwohner: Baseline: value' }), '1,234.5')
      await user.click(screen.getByRole('button', { name: 'Save goals' }))
      expect(await screen.findByText('Baselines and targets were saved.')).toBeInTheDocument()
      expect(goalsSent()).toEqual([[
        { indicatorId: 'i-1', spaceId: 's-nord', baseline: { period: '2020', value: 1250.5 }, targets: [] },
        { indicatorId: 'i-2', spaceId: 's-nord', baseline: { period: '2020', value: 1234.5 }, targets: [] },
      ]])
    } finally {
      await i18n.changeLanguage('de')
    }
  })
})

describe('CSV import', () => {
  it('previews the file and lists every row error with line and column after the dry run', async () => {
    server.use(
      http.post('/api/v1/observations/import', () =>
        HttpResponse.json({
          dryRun: true,
          imported: false,
          rows: 2,
          created: 0,
          updated: 0,
          unchanged: 0,
          errorCount: 3,
          errors: [
            { line: 2, column: 'value', message: "'x' is not a number (decimal comma expected).", code: 'notANumber',
              args: { value: 'x', decimalComma: 'True' } },
            { line: 3, column: 'space', message: "No space has the code 'NOPE'.", code: 'unknownSpace', args: { value: 'NOPE' } },
            // a code this version of the app does not know yet: the server's message is shown
            { line: 3, column: 'numerator', message: 'Something new is wrong.', code: 'somethingNew', args: {} },
          ],
        }),
      ),
    )
    renderApp({ route: '/indicators/import' })
    const user = userEvent.setup()
    const csv = 'indicator;space;period;value\nSGB2;09162-N;2024;x\nSGB2;NOPE;2024;12,5\n'
    await user.upload(await screen.findByLabelText('CSV-Datei'), new File([csv], 'werte.csv', { type: 'text/csv' }))
    const preview = await screen.findByRole('table', { name: 'Vorschau der ersten 2 Zeilen' })
    expect(within(preview).getByRole('columnheader', { name: 'period' })).toBeInTheDocument()
    expect(within(preview).getByText('12,5')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Jetzt importieren' })).toBeDisabled()

    await user.click(screen.getByRole('button', { name: 'Prüfen (Probelauf)' }))
    const errors = await screen.findByRole('table', { name: 'Fehler je Zeile und Spalte' })
    const rows = within(errors).getAllByRole('row').slice(1)
    expect(rows).toHaveLength(3)
    expect(rows[0]).toHaveTextContent('2value„x“ ist keine Zahl (erwartet wird ein Dezimalkomma, etwa 12,5).')
    expect(rows[1]).toHaveTextContent('3spaceKein Sozialraum hat den Schlüssel „NOPE“.')
    expect(rows[2]).toHaveTextContent('3numeratorSomething new is wrong.')
    expect(screen.getByText(/3 Fehler gefunden/)).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Jetzt importieren' })).toBeDisabled()

    const sent = requests.find((r) => r.url.pathname === '/api/v1/observations/import')!
    expect(sent.url.searchParams.get('dryRun')).toBe('true')
    expect(sent.url.searchParams.get('delimiter')).toBe('semicolon')
    expect(sent.url.searchParams.get('decimal')).toBe('comma')
    expect(sent.headers.get('content-type')).toContain('text/csv')
    expect(await axeViolations()).toEqual([])
  })

  it('answers a refused real import with the coded row errors of a dry run, in German', async () => {
    // between the clean check and the import someone changed the indicator: the import is refused
    let dryRuns = 0
    const clean = { dryRun: true, imported: false, rows: 1, created: 1, updated: 0, unchanged: 0, errorCount: 0, errors: [] }
    const refused = { ...clean, created: 0, errorCount: 1,
      errors: [{ line: 2, column: 'numerator', message: 'The numerator (12) exceeds the denominator (10.5); …',
      code: 'numeratorAboveDenominator', args: { numerator: '12', denominator: '10.5' } }] }
    server.use(
      http.post('/api/v1/observations/import', ({ request }) =>
        new URL(request.url).searchParams.get('dryRun') === 'true'
          ? HttpResponse.json(dryRuns++ === 0 ? clean : refused)
          : HttpResponse.json(
              { title: 'Validation failed', status: 400,
                errors: { 'lines[2].numerator': ['The numerator (12) exceeds the denominator (10.5); …'] } },
              { status: 400 },
            ),
      ),
    )
    renderApp({ route: '/indicators/import' })
    const user = userEvent.setup()
    await user.upload(await screen.findByLabelText('CSV-Datei'),
      new File(['indicator;space;period;numerator;denominator\nSGB2;09162-N;2024;12;10,5\n'], 'w.csv', { type: 'text/csv' }))
    await user.click(await screen.findByRole('button', { name: 'Prüfen (Probelauf)' }))
    await screen.findByText(/^Probelauf ohne Fehler/)
    await user.click(screen.getByRole('button', { name: 'Jetzt importieren' }))
    const errors = await screen.findByRole('table', { name: 'Fehler je Zeile und Spalte' })
    expect(within(errors).getAllByRole('row')[1]).toHaveTextContent(
      '2numeratorDer Zähler (12) ist größer als der Nenner (10,5); bei einem Anteil ist das unmöglich.')
    expect(requests.filter((r) => r.url.pathname === '/api/v1/observations/import').map((r) =>
        r.url.searchParams.get('dryRun'))).toEqual(['true', 'false', 'true'])
  })
})

describe('space indicator chart', () => {
  it('has a data table with the values, suppressed cells, the reference, baseline and target', async () => {
    renderWithProviders(
      <SeriesTable
        indicator={{ id: sgb2.id, name: sgb2.name, unit: '%', decimals: 1 }}
        rows={[
          { period: '2023', own: { ...observation('2023', 12.34), aggregated: false, count: 1 }, ref: observation('2023', 9.5) },
          { period: '2024', own: { ...observation('2024', undefined, { suppressed: true }), aggregated: false, count: 1 } },
          { period: '2025', own: { period: '2025', value: 13, aggregated: true, count: 3, suppressed: false, coverage: { parts: 3, of: 5, populationShare: 0.85 } } },
        ]}
        reference={{ name: 'München', observations: [] }}
        baseline={{ period: '2020', value: 14 }}
        target={{ period: '2030', value: 8.5 }}
      />,
    )
    const table = await screen.findByRole('table', { name: 'Werte von SGB-II-Quote je Zeitraum' })
    const rows = within(table).getAllByRole('row')
    expect(rows[1]).toHaveTextContent('202312,3 %endgültig9,5 %')
    expect(rows[2]).toHaveTextContent('gesperrt (kleine Fallzahl)')
    expect(rows[2]).not.toHaveTextContent(/\d+,\d/)
    expect(rows[3]).toHaveTextContent('13,0 %berechnet aus 3 von 5 Teilräumen (85 % der Bevölkerung)')
    expect(within(table).getByRole('rowheader', { name: 'Baseline 2020' }).parentElement).toHaveTextContent('14,0 %')
    expect(within(table).getByRole('rowheader', { name: 'Ziel 2030' }).parentElement).toHaveTextContent('8,5 %')
    expect(within(table).getByRole('columnheader', { name: 'Vergleich (München)' })).toBeInTheDocument()
  })
})

/** What the space indicators page of Nord reads besides the evaluation and the reference: tree, space, catalogue, set and values. */
function spacePageApi(set: IndicatorSetDto, observations: ObservationDto[]) {
  return [
    http.get('/api/v1/spaces/tree', () => HttpResponse.json(spaceTree)),
    http.get('/api/v1/spaces/s-nord', () =>
      HttpResponse.json(
        { id: 's-nord', code: '09162-N', name: 'Nord', level: 'district', parentId: 's-city', parentName: 'München',
          validFrom: '2020-01-01', predecessorIds: [], childCount: 0, ...stamp }),
    ),
    http.get('/api/v1/indicators', () => page([sgb2])),
    http.get('/api/v1/indicator-sets', () => page([set])),
    http.get(`/api/v1/indicator-sets/${set.id}/goals`, () => HttpResponse.json({ items: [] })),
    http.get('/api/v1/observations', () => page(observations)),
  ]
}

describe('space evaluation', () => {
  it('shows value, changes, target attainment and the reference for the latest year, and another year on request', async () => {
    const set: IndicatorSetDto = {
      id: 'set-1', name: 'Monitoring Nord', exceedsRecommendedSize: false, recommendedMaxIndicators: 7,
      indicators: [
        { position: 1, indicatorId: sgb2.id, code: sgb2.code, name: sgb2.name, kind: sgb2.kind, unit: '%', direction: sgb2.direction }],
      ...stamp,
    }
    const evaluated: string[] = []
    server.use(
      ...spacePageApi(set, [observation('2023', 12.5), observation('2024', 11.2)]),
      // the reference (a district without values of its own) comes computed from the spaces below
      http.get('/api/v1/indicators/:id/series', ({ request, params }) => {
        const spaceId = new URL(request.url).searchParams.get('spaceId')
        return HttpResponse.json({
          indicatorId: params.id, spaceId, spaceCode: '09162', spaceName: 'München',
          items: params.id === sgb2.id && spaceId === 's-city'
            ? [{ period: '2023', value: 9.1, suppressed: false, aggregated: true, count: 2 },
              { period: '2024', value: 9.5, suppressed: false, aggregated: true, count: 2 }]
            : params.id === sgb2.id && spaceId === 's-nord'
              ? [{ period: '2023', value: 12.5, status: 'final', suppressed: false, aggregated: false, count: 1 },
                  { period: '2024', value: 11.2, status: 'final', suppressed: false, aggregated: false, count: 1 }]
              : [],
        })
      }),
      http.get('/api/v1/indicator-sets/set-1/evaluation', ({ request }) => {
        const query = new URL(request.url).searchParams
        const period = query.get('period') ?? ''
        evaluated.push(`${period}|${query.get('referenceSpaceId')}`)
        return HttpResponse.json({
          setId: 'set-1', spaceId: 's-nord', spaceName: 'Nord', period, referenceSpaceId: 's-city', referenceSpaceName: 'München',
          items: [{
            indicatorId: sgb2.id, code: sgb2.code, name: sgb2.name, unit: '%', decimals: 1, direction: IndicatorDirection.LowerIsBetter,
            value: { period, value: period === '2024' ? 11.2 : 12.5, aggregated: false, count: 1, suppressed: false },
            changeFromPrevious: { difference: -1.3, position: 'below', judgement: 'better' },
            baseline: { period: '2020', value: 14 },
            changeFromBaseline: { difference: -2.8, position: 'below', judgement: 'better' },
            target: { period: '2026', value: 10 },
            attainment: 'onTrack',
            reference: { period, value: 9.5, aggregated: true, count: 2, suppressed: false },
            comparison: { difference: 1.7, ratio: 1.18, position: 'above', judgement: 'worse' },
          }],
        })
      }),
    )
    renderApp({ route: '/spaces/s-nord/indicators?set=set-1' })
    const table = await screen.findByRole('table', { name: 'Auswertung von Nord für 2024' })
    const row = within(table).getByRole('row', { name: /SGB-II-Quote/ })
    expect(row).toHaveTextContent('11,2 %')
    expect(row).toHaveTextContent('−1,3besser')
    expect(row).toHaveTextContent('2020: 14,0')
    expect(row).toHaveTextContent('2026: 10,0')
    expect(within(row).getByText('auf Kurs')).toBeInTheDocument()
    expect(row).toHaveTextContent('9,5 %darüber (schlechter)')
    expect(within(table).getByRole('columnheader', { name: 'Vergleich München' })).toBeInTheDocument()
    expect(evaluated).toEqual(['2024|s-city'])
    const series = await screen.findByRole('table', { name: 'Werte von SGB-II-Quote je Zeitraum' })
    await waitFor(() => expect(within(series).getAllByRole('row')[1]).toHaveTextContent('202312,5 %endgültig9,1 %'))
    expect(await axeViolations()).toEqual([])

    await userEvent.setup().selectOptions(screen.getByLabelText('Zeitraum'), '2023')
    expect(await screen.findByRole('table', { name: 'Auswertung von Nord für 2023' })).toHaveTextContent('12,5 %')
    expect(evaluated).toEqual(['2024|s-city', '2023|s-city'])
    expect(unhandled).toEqual([])
  })
})

describe('space evaluation period', () => {
  it('starts at the newest period when the set has monthly values only', async () => {
    const set: IndicatorSetDto = {
      id: 'set-m', name: 'Monatlich', exceedsRecommendedSize: false, recommendedMaxIndicators: 7,
      indicators: [
        { position: 1, indicatorId: sgb2.id, code: sgb2.code, name: sgb2.name, kind: sgb2.kind, unit: '%', direction: sgb2.direction }],
      ...stamp,
    }
    const asked: string[] = []
    server.use(
      ...spacePageApi(set, [observation('2024-04', 12), observation('2024-05', 11)]),
      http.get('/api/v1/indicators/:id/series', ({ request }) => {
        const spaceId = new URL(request.url).searchParams.get('spaceId')
        return HttpResponse.json({
          indicatorId: sgb2.id, spaceId, spaceCode: '09162', spaceName: 'München',
          items: spaceId === 's-nord'
            ? [{ period: '2024-04', value: 12, status: 'final', suppressed: false, aggregated: false, count: 1 },
                { period: '2024-05', value: 11, status: 'final', suppressed: false, aggregated: false, count: 1 }]
            : [],
        })
      }),
      http.get('/api/v1/indicator-sets/set-m/evaluation', ({ request }) => {
        const period = new URL(request.url).searchParams.get('period')
        asked.push(period ?? '')
        return HttpResponse.json({ setId: 'set-m', spaceId: 's-nord', spaceName: 'Nord', period, items: [] })
      }),
    )
    renderApp({ route: '/spaces/s-nord/indicators?set=set-m' })
    await screen.findByRole('table', { name: 'Auswertung von Nord für 2024-05' })
    expect(asked).toEqual(['2024-05'])
    expect([...(screen.getByLabelText('Zeitraum') as HTMLSelectElement).options].map((o) => o.value)).toEqual(['2024-05', '2024-04'])
  })
})

describe('export dialog', () => {
  it('builds the export URL from the choices and downloads with the server file name', async () => {
    server.use(
      http.get('/api/v1/indicator-sets', () => page([])),
      http.get('/api/v1/indicators', () => page([sgb2])),
      http.get('/api/v1/spaces/tree', () => HttpResponse.json(spaceTree)),
    )
    const download = vi.fn().mockResolvedValue({ blob: new Blob(['a']), fileName: 'indikatoren-2026.csv' })
    renderWithProviders(<ExportDialog onClose={() => {}} download={download} />)
    const user = userEvent.setup()
    const dialog = await screen.findByRole('dialog', { name: 'Indikatoren exportieren' })
    expect(screen.getByTestId('export-url')).toHaveTextContent('/api/v1/exports/indicators?format=csv&delimiter=semicolon&decimal=comma')
    await user.click(within(dialog).getByRole('radio', { name: 'Einzelne Indikatoren' }))
    await user.click(await within(dialog).findByRole('checkbox', { name: /SGB-II-Quote/ }))
    await user.selectOptions(within(dialog).getByLabelText('Sozialraum (mit allen darunterliegenden)'),
      await within(dialog).findByRole('option', { name: /Nord/ }))
    await user.type(within(dialog).getByLabelText('Von Zeitraum'), '2020')
    await user.type(within(dialog).getByLabelText('Bis Zeitraum'), '2024')
    await user.click(within(dialog).getByRole('checkbox', { name: /^Auch aggregierte Werte übergeordneter Räume/ }))
    expect(screen.getByTestId('export-url')).toHaveTextContent(
      '/api/v1/exports/indicators?format=csv&indicatorIds=i-1&under=s-nord&from=2020&to=2024' +
        '&aggregated=true&delimiter=semicolon&decimal=comma',
    )
    await user.selectOptions(within(dialog).getByLabelText('Format'), 'xlsx')
    expect(within(dialog).queryByLabelText(/deutsches Excel/)).not.toBeInTheDocument()
    expect(screen.getByTestId('export-url').textContent).not.toContain('decimal=')
    expect(screen.getByTestId('export-url').textContent).not.toContain('headers=')
    await user.selectOptions(within(dialog).getByLabelText('Spaltennamen'), 'de')
    await user.click(within(dialog).getByRole('checkbox', { name: 'Indikatorname neben der Kennung' }))
    expect(screen.getByTestId('export-url').textContent).toMatch(/&headers=de&withNames=true$/)
    expect(await axeViolations()).toEqual([])
    await user.click(within(dialog).getByRole('button', { name: 'Herunterladen' }))
    await waitFor(() =>
      expect(download).toHaveBeenCalledWith(expect.objectContaining({ format: 'xlsx', indicatorIds: ['i-1'], under: 's-nord',
        headers: 'de', withNames: true })))
    expect(await screen.findByText('Datei „indikatoren-2026.csv“ wurde heruntergeladen.')).toBeInTheDocument()
  })

  it('exportUrl repeats list parameters and prefers the set', () => {
    expect(exportUrl({ format: 'csv-wide', indicatorIds: ['a', 'b'] })).toBe(
      '/api/v1/exports/indicators?format=csv-wide&indicatorIds=a&indicatorIds=b')
    expect(exportUrl({ format: 'json', indicatorSetId: 's', indicatorIds: ['a'], germanExcel: true })).toBe(
      '/api/v1/exports/indicators?format=json&indicatorSetId=s')
    expect(exportUrl({ format: 'csv', headers: 'de', withNames: true, germanExcel: true })).toBe(
      '/api/v1/exports/indicators?format=csv&delimiter=semicolon&decimal=comma&headers=de&withNames=true')
    expect(exportUrl({ format: 'xlsx', headers: 'en', withNames: true })).toBe('/api/v1/exports/indicators?format=xlsx&withNames=true')
    expect(exportUrl({ format: 'geojson', headers: 'de', withNames: true })).toBe('/api/v1/exports/indicators?format=geojson')
    expect(fileNameFromDisposition(`attachment; filename=x.csv; filename*=UTF-8''indikatoren-%C3%BC.csv`, 'f')).toBe('indikatoren-ü.csv')
    expect(fileNameFromDisposition(null, 'f.csv')).toBe('f.csv')
  })
})
