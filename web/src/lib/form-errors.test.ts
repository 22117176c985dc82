import { describe, expect, it, vi } from 'vitest'
import type { Problem } from '@/api/problem'
import { applyServerErrors, fieldNameFromServerKey } from './form-errors'

describe('fieldNameFromServerKey', () => {
  it.each([
    ['name', 'name'],
    ['Name', 'name'],
    ['tags[3]', 'tags'],
    ['$.email', 'email'],
    ['Address.City', 'address.city'],
  ])('%s → %s', (key, field) => expect(fieldNameFromServerKey(key)).toBe(field))

  it('keeps indices as path segments when asked (field arrays)', () => {
    expect(fieldNameFromServerKey('links[0].targetNetworkId', true)).toBe('links.0.targetNetworkId')
    expect(fieldNameFromServerKey('Attendance[12].MemberId', true)).toBe('attendance.12.memberId')
  })
})

describe('applyServerErrors', () => {
  it('sets errors on known fields, focuses the first, returns the rest', () => {
    const setError = vi.fn()
    const problem: Problem = {
      status: 400,
      errors: { name: ['Too long.'], 'tags[0]': ['Tag too long.'], 'tags[1]': ['Also.'], unknownThing: ['Nope.'] },
      network: false,
    }
    const rest = applyServerErrors(problem, setError, ['name', 'tags'])
    expect(rest).toEqual(['Nope.'])
    expect(setError).toHaveBeenCalledWith('name', { type: 'server', message: 'Too long.' }, { shouldFocus: true })
    expect(setError).toHaveBeenCalledWith('tags', { type: 'server', message: 'Tag too long. Also.' }, { shouldFocus: false })
  })

  it('puts an indexed error on the field-array field when the form has it, else on the list', () => {
    const setError = vi.fn()
    const problem: Problem = {
      status: 400,
      errors: { 'links[1].targetNetworkId': ['Would close a cycle.'], 'goals[3]': ['Too long.'] },
      network: false,
    }
    const rest = applyServerErrors(problem, setError, ['links', 'links.0.targetNetworkId', 'links.1.targetNetworkId', 'goals'])
    expect(rest).toEqual([])
    expect(setError).toHaveBeenCalledWith('links.1.targetNetworkId', { type: 'server', message: 'Would close a cycle.' },
      { shouldFocus: true })
    expect(setError).toHaveBeenCalledWith('goals', { type: 'server', message: 'Too long.' }, { shouldFocus: false })
  })
})
