import '@testing-library/jest-dom/vitest'
import { cleanup, configure } from '@testing-library/react'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import i18n, { loadFeatureTexts } from '@/lib/i18n'
import { resetServer, server } from './server'

// Pages load lazily, and the first page a test file opens is compiled on the spot: on a busy shared machine that takes
// longer than testing-library's default second for findBy…/waitFor (the catalogue test failed so before these changes too).
configure({ asyncUtilTimeout: 5000 })

// Requests without a handler of the test get a 404 problem (see server.ts), so MSW need not warn about them.
beforeAll(() => server.listen({ onUnhandledRequest: 'bypass' }))
// Components rendered on their own (outside a route) need the features' texts the router loads with a page.
beforeAll(() => loadFeatureTexts())
afterAll(() => server.close())

beforeEach(async () => {
  window.localStorage.clear()
  document.cookie.split(';').forEach((c) => {
    const name = c.split('=')[0]?.trim()
    if (name) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`
  })
  await i18n.changeLanguage('de')
})

afterEach(() => {
  cleanup()
  resetServer()
})
