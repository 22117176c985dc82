import { describe, expect, it } from 'vitest'
import { shownIn } from './map-geometry'

describe('which spaces a map of a period shows', () => {
  const nordmarkt = { validFrom: '2010-01-01', validTo: '2018-12-31', values: [{ period: '2024', value: 3, aggregated: false, count: 1, suppressed: false }] }
  it('never draws an ended space after its end, even with a value', () => {
    expect(shownIn(nordmarkt, '2018')).toBe(true)
    expect(shownIn(nordmarkt, '2019')).toBe(false)
    expect(shownIn(nordmarkt, '2024')).toBe(false)
    expect(shownIn(nordmarkt, '2018-Q4')).toBe(true)
  })
  it('draws a successor from its start, and before it only with a value', () => {
    const successor = { validFrom: '2019-01-01', values: [{ period: '2015', value: 1, aggregated: false, count: 1, suppressed: false }] }
    expect(shownIn(successor, '2024')).toBe(true)
    expect(shownIn(successor, '2015')).toBe(true)
    expect(shownIn(successor, '2016')).toBe(false)
  })
})
