import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { RouteObject } from 'react-router'
import i18n from '@/lib/i18n'
import { renderApp } from '@/testing/render'
import { withFeatureTexts } from './router'

describe('the route table', () => {
  it('joins every lazily loaded page, at any depth, with the features\' texts and keeps the rest as it is', async () => {
    const Page = () => <p>{i18n.t('actors.title')}</p>
    const routes: RouteObject[] = [
      { path: '/', element: <p>shell</p>, children: [{ path: 'x', lazy: async () => ({ Component: Page }) }] },
    ]
    const wrapped = withFeatureTexts(routes)
    expect(wrapped[0].element).toBe(routes[0].element)
    const child = wrapped[0].children![0]
    expect(child.lazy).not.toBe(routes[0].children![0].lazy)
    expect(await (child.lazy as () => Promise<{ Component: unknown }>)()).toEqual({ Component: Page })
    expect(i18n.exists('actors.title')).toBe(true)
  })

  it('shows a page in German with its feature\'s texts', async () => {
    renderApp({ route: '/login', user: null })
    expect(await screen.findByRole('heading', { level: 1, name: 'Anmelden' })).toBeInTheDocument()
  })
})
