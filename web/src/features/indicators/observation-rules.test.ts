import { describe, expect, it } from 'vitest'
import { IndicatorKind } from '@/api'
import { valueProblems } from './observation-rules'

const count = { kind: IndicatorKind.Count, isProportion: false }
const share = { kind: IndicatorKind.Rate, isProportion: true }
const perThousand = { kind: IndicatorKind.Rate, isProportion: false }
const rating = { kind: IndicatorKind.Rating, isProportion: false, scaleMin: 1, scaleMax: 5 }
const codes = (...args: Parameters<typeof valueProblems>) => valueProblems(...args).map((p) => `${p.field}:${p.code}`)

describe('value rules (as the server checks them)', () => {
  it('counts are whole numbers from 0 and have no numerator', () => {
    expect(codes(count, 12, undefined, undefined)).toEqual([])
    expect(codes(count, undefined, undefined, undefined)).toEqual(['value:valueRequired'])
    expect(codes(count, -1, undefined, undefined)).toEqual(['value:countNotWhole'])
    expect(codes(count, 2.5, undefined, undefined)).toEqual(['value:countNotWhole'])
    expect(codes(count, 3, 1, undefined)).toEqual(['numerator:onlyRates'])
  })

  it('rates take numerator and denominator together; a proportion cannot exceed its denominator', () => {
    expect(codes(share, undefined, 150, 1000)).toEqual([])
    expect(codes(share, 12.5, undefined, undefined)).toEqual([])
    expect(codes(share, undefined, undefined, undefined)).toEqual(['value:valueRequired'])
    expect(codes(share, undefined, 5, undefined)).toEqual(['denominator:rateNeedsBoth'])
    expect(codes(share, undefined, -1, 0)).toEqual(['numerator:numeratorNegative', 'denominator:denominatorNotPositive'])
    expect(valueProblems(share, undefined, 12, 10.5)).toEqual(
      [{ field: 'numerator', code: 'numeratorAboveDenominator', args: { numerator: 12, denominator: 10.5 } }])
    expect(codes(perThousand, undefined, 1200, 1000)).toEqual([]) // cases per 1000 may exceed the population base
  })

  it('a value given with numerator and denominator must be theirs, rounded at most to the indicator’s decimals', () => {
    const percent = { ...share, rateFactor: 100, decimals: 1 }
    expect(codes(percent, 33.3, 1, 3)).toEqual([]) // 33.333… shown with one decimal
    expect(codes(percent, 33.4, 1, 3)).toEqual(['value:valueContradictsRate'])
    expect(valueProblems(percent, 3, 1, 10)).toEqual([{ field: 'value', code: 'valueContradictsRate',
      args: { value: 3, numerator: 1, denominator: 10, computed: 10 } }])
    expect(codes({ ...perThousand, rateFactor: 1000 }, 5, 5, 100)).toEqual(['value:valueContradictsRate']) // 50 per 1000
  })

  it('ratings lie on the scale, and no number may be infinite or huge', () => {
    expect(codes(rating, 5, undefined, undefined)).toEqual([])
    expect(valueProblems(rating, 6, undefined, undefined)).toEqual(
      [{ field: 'value', code: 'outsideScale', args: { value: 6, min: 1, max: 5 } }])
    expect(codes(count, Number.POSITIVE_INFINITY, undefined, undefined)).toEqual(['value:tooLarge'])
    expect(codes(share, undefined, 1e16, 2e16)).toEqual(['numerator:tooLarge', 'denominator:tooLarge'])
  })
})

describe('plausibility (as the server checks it)', () => {
  it('a proportion lies between 0 and its factor; other rates may exceed it', () => {
    const percent = { ...share, rateFactor: 100 }
    expect(codes(percent, 340, undefined, undefined)).toEqual(['value:proportionOutOfRange'])
    expect(codes(percent, -1, undefined, undefined)).toEqual(['value:proportionOutOfRange'])
    expect(codes(percent, 100, undefined, undefined)).toEqual([])
    expect(codes({ ...perThousand, rateFactor: 1000 }, 1200, undefined, undefined)).toEqual([])
  })

  it('values keep within the indicator’s own minimum and maximum', () => {
    const bounded = { ...count, minimum: 10, maximum: 50 }
    expect(codes(bounded, 9, undefined, undefined)).toEqual(['value:belowMinimum'])
    expect(codes(bounded, 51, undefined, undefined)).toEqual(['value:aboveMaximum'])
    expect(codes(bounded, 50, undefined, undefined)).toEqual([])
  })
})
