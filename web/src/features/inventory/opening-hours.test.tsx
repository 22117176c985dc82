import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { ClosureKind, Weekday } from '@/api'
import { axeViolations } from '@/testing/axe'
import { renderWithProviders } from '@/testing/render'
import { OpeningHoursWeek } from './components/opening-hours-week'
import { upcomingClosures, weekOf } from './components/opening-hours'

const rules = [
  { days: [Weekday.Tuesday, Weekday.Thursday], opensAt: '14:00', closesAt: '18:00', description: 'Nachmittag' },
  { days: [Weekday.Monday, Weekday.Tuesday, Weekday.Wednesday, Weekday.Thursday, Weekday.Friday], opensAt: '09:00', closesAt: '12:00' },
  // ended: not shown
  { days: [Weekday.Saturday], opensAt: '10:00', closesAt: '14:00', validTo: '2020-12-31' },
]

describe('opening hours as a week', () => {
  it('puts several intervals a day in order and leaves out rules no longer valid', () => {
    const week = weekOf(rules, '2026-12-04')
    expect(week.get(Weekday.Tuesday)?.map((x) => `${x.opensAt}-${x.closesAt}`)).toEqual(['09:00-12:00', '14:00-18:00'])
    expect(week.get(Weekday.Friday)).toHaveLength(1)
    expect(week.get(Weekday.Saturday)).toEqual([])
    expect(weekOf(rules, '2020-06-01').get(Weekday.Saturday)).toHaveLength(1)
  })

  it('shows each weekday with its times in words, closed days and coming closures', async () => {
    const closures = [
      { kind: ClosureKind.Holiday, startsOn: '2099-12-24', endsOn: '2099-12-31', reason: 'Weihnachten' },
      { kind: ClosureKind.Closure, startsOn: '2000-01-01', reason: 'längst vorbei' },
    ]
    const { container } = renderWithProviders(
      <section aria-labelledby="h">
        <h2 id="h">Öffnungszeiten</h2>
        <OpeningHoursWeek rules={rules} closures={closures} headingId="h" />
      </section>,
    )
    const table = screen.getByRole('table', { name: 'Öffnungszeiten' })
    const row = (day: string) => within(table).getByRole('row', { name: new RegExp(`^${day}`) })
    expect(row('Dienstag')).toHaveTextContent('09:00–12:00 Uhr14:00–18:00 Uhr (Nachmittag)')
    expect(row('Montag')).toHaveTextContent('09:00–12:00 Uhr')
    expect(row('Samstag')).toHaveTextContent('geschlossen')
    expect(row('Sonntag')).toHaveTextContent('geschlossen')
    expect(screen.getByRole('heading', { name: 'Schließzeiten' })).toBeInTheDocument()
    expect(screen.getByText(/Weihnachten/)).toBeInTheDocument()
    expect(screen.queryByText(/längst vorbei/)).not.toBeInTheDocument()
    expect(upcomingClosures(closures, '2026-12-04')).toHaveLength(1)
    expect(await axeViolations(container)).toEqual([])
  })
})
