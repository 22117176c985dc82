import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { AggregationRule, IndicatorDirection, IndicatorKind, type IndicatorDto } from '@/api'
import { axeViolations } from '@/testing/axe'
import { spaceTree } from '@/testing/fixtures'
import { renderApp } from '@/testing/render'
import { page, requests, server } from '@/testing/server'

const stamp = { version: 1, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' }
const klima: IndicatorDto = {
  id: 'i-klima', code: 'KLIMA', name: 'Nachbarschaftsklima', kind: IndicatorKind.Rating, decimals: 1,
  direction: IndicatorDirection.HigherIsBetter, aggregation: AggregationRule.Mean, isProportion: false,
  scaleMin: 1, scaleMax: 3, scaleLabels: ['schlecht', 'mittel', 'gut'], ...stamp,
}

describe('rating form', () => {
  it('submits the chosen scale value and shows the summary', async () => {
    let summaries = 0
    server.use(
      http.get('/api/v1/indicators', () => page([klima])),
      http.get('/api/v1/spaces/tree', () => HttpResponse.json(spaceTree)),
      http.get('/api/v1/actors', () => page([])),
      http.get('/api/v1/assessments/summary', () =>
        HttpResponse.json(
          summaries++ === 0
            ? // before the first rating: no mean and median (null in the JSON)
              { indicatorId: klima.id, spaceId: 's', period: '2025', count: 0, mean: null, median: null, suppressed: false, distribution: [] }
            : { indicatorId: klima.id, spaceId: 's', period: '2025', count: 4, mean: 2.25, median: 2, suppressed: false,
                distribution: [{ rating: 1, label: 'schlecht', count: 1 }, { rating: 2, label: 'mittel', count: 1 }, { rating: 3, label: 'gut', count: 2 }] },
        ),
      ),
      http.post('/api/v1/assessments', async ({ request }) => HttpResponse.json({ id: 'a1', ...((await request.json()) as object) }, { status: 201 })),
    )
    renderApp({ route: '/indicators/rating' })
    const user = userEvent.setup()
    await user.selectOptions(await screen.findByLabelText(/Weicher Faktor/), klima.id)
    const spaceSelect = screen.getByLabelText(/^Sozialraum/) as HTMLSelectElement
    await user.selectOptions(spaceSelect, spaceSelect.options[1].value)
    await user.clear(screen.getByLabelText(/^Zeitraum/))
    await user.type(screen.getByLabelText(/^Zeitraum/), '2025')
    expect(await screen.findByRole('heading', { name: 'Bisherige Bewertungen' })).toBeInTheDocument()
    const group = screen.getByRole('group', { name: /Bewertung/ })
    expect(group.tagName).toBe('FIELDSET')
    await user.click(screen.getByRole('radio', { name: '3 – gut' }))
    await user.type(screen.getByLabelText('Kommentar'), 'Viel los im Park')
    await user.click(screen.getByRole('button', { name: 'Bewertung abgeben' }))
    expect(await screen.findByText('Danke – Ihre Bewertung wurde gespeichert.')).toBeInTheDocument()
    const sent = requests.find((r) => r.method === 'POST' && r.url.pathname === '/api/v1/assessments')!
    expect(sent.body).toEqual({ indicatorId: klima.id, spaceId: spaceSelect.options[1].value, period: '2025', rating: 3, comment: 'Viel los im Park' })
    await waitFor(() => expect(screen.getByRole('table', { name: 'Verteilung der Bewertungen' })).toBeInTheDocument())
    expect(screen.getByRole('rowheader', { name: '3 – gut' })).toBeInTheDocument()
    expect(await axeViolations()).toEqual([])
  })
})
