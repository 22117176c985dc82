import i18n from 'i18next'
import { describe, expect, it } from 'vitest'
import { makeCapacitySchema, toCapacityRequest } from './capacity-schema'
import { location } from './inventory-fixtures'
import { emptyLocationForm, makeLocationSchema, toLocationFormValues, toLocationRequest } from './location-schema'
import { emptyFundingRow, emptyServiceForm, makeServiceSchema, toFundingRequest, toServiceRequest } from './service-schema'

const t = i18n.t.bind(i18n)
const numberMessage = 'Bitte eine Zahl wie 1.234 oder 12,5 eingeben (Punkt trennt Tausender, Komma die Nachkommastellen).'
const messagesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]))

describe('number fields of the inventory forms read numbers as the UI language writes them', () => {
  it('capacity: 1.500 places are fifteen hundred; 1,5 is one and a half; 1.50 is no number', () => {
    const form = { locationId: 'loc-1', unit: 'places', maximum: '1.500', available: '1,5', asOf: '2026-05-01', note: '' }
    expect(makeCapacitySchema(t).safeParse(form).success).toBe(true)
    expect(toCapacityRequest(form)).toMatchObject({ maximum: 1500, available: 1.5 })
    expect(messagesOf(makeCapacitySchema(t).safeParse({ ...form, maximum: '1.50' }))).toEqual({ maximum: numberMessage })
  })

  it('funding: a share of 12,5 % and 1.500 € a year; ages as whole numbers', () => {
    const funding = { ...emptyFundingRow, funderActorId: 'a-1', sharePercent: '12,5', amountPerYear: '1.500', renewalStatus: 'open' }
    expect(toFundingRequest('svc-1', funding)).toMatchObject({ sharePercent: 12.5, amountPerYear: 1500 })
    const form = { ...emptyServiceForm, name: 'Kita', status: 'active', operatorId: 'a-1', categories: ['c'], locationIds: ['l'],
      minimumAge: '3', maximumAge: '6', fundings: [{ ...funding, amountPerYear: '1.50' }] }
    expect(messagesOf(makeServiceSchema(t).safeParse(form))).toEqual({ 'fundings.0.amountPerYear': numberMessage })
    expect(messagesOf(makeServiceSchema(t).safeParse({ ...form, fundings: [], minimumAge: '1,5' })))
      .toEqual({ minimumAge: 'Ein Alter von 0 bis 150 Jahren als ganze Zahl angeben.' })
    expect(toServiceRequest({ ...form, fundings: [] })).toMatchObject({ minimumAge: 3, maximumAge: 6 })
  })

  it('coordinates: shown 52,4031 in German and 52.4031 in English; either mark is read (a map gives 52.4031)', async () => {
    const loaded = location({ id: 'loc-1', latitude: 52.4031, longitude: 13.2702 })
    expect(toLocationFormValues(loaded)).toMatchObject({ latitude: '52,4031', longitude: '13,2702' })
    const form = { ...emptyLocationForm, name: 'Kita', latitude: '52,4031', longitude: '13,2702' }
    expect(toLocationRequest(form)).toMatchObject({ latitude: 52.4031, longitude: 13.2702 })
    expect(makeLocationSchema(t).safeParse({ ...form, latitude: '52.4031' }).success).toBe(true) // copied from a map
    expect(toLocationRequest({ ...form, latitude: '52.4031' })).toMatchObject({ latitude: 52.4031 })
    expect(messagesOf(makeLocationSchema(t).safeParse({ ...form, latitude: '52.403.1' }))).toEqual({ latitude: numberMessage })
    expect(messagesOf(makeLocationSchema(t).safeParse({ ...form, longitude: '1.234,5' }))).toEqual({ longitude: numberMessage })
    await i18n.changeLanguage('en')
    try {
      expect(toLocationFormValues(loaded)).toMatchObject({ latitude: '52.4031', longitude: '13.2702' })
      expect(toLocationRequest({ ...form, latitude: '52.4031', longitude: '13.2702' })).toMatchObject({ latitude: 52.4031 })
    } finally {
      await i18n.changeLanguage('de')
    }
  })
})
