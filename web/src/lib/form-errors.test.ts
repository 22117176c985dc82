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
})
