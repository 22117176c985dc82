import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { afterEach, describe, expect, it } from 'vitest'
import { ListActorsSort } from '@/api'
import i18n from '@/lib/i18n'
import { useListFilters, useListSort } from '@/lib/use-list-filters'
import { axeViolations } from '@/testing/axe'
import { actor, actorTypes, spaceTree } from '@/testing/fixtures'
import { renderApp, renderWithProviders } from '@/testing/render'
import { requests, server } from '@/testing/server'
import { ListResults, SortHeader, type PagedListQuery } from './list-page'

const noFilters = () => ({})

/** A table with two sortable columns and one that is not, its sort in the URL. */
function SortedTable() {
  const filters = useListFilters(noFilters)
  const sort = useListSort(filters, Object.values(ListActorsSort), ListActorsSort.Name)
  return (
    <>
      <table className="table">
        <caption>Akteure</caption>
        <thead>
          <tr>
            <SortHeader column="name" label="Name" sort={sort} />
            <SortHeader column="updatedAt" label="Geändert" sort={sort} />
            <th scope="col">Ort</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>a</td>
            <td>b</td>
            <td>c</td>
          </tr>
        </tbody>
      </table>
      <output>{sort.sort ?? 'default'}</output>
    </>
  )
}

const header = (name: string) => screen.getByRole('columnheader', { name: new RegExp(`^${name}`) })

describe('SortHeader and useListSort', () => {
  it('sorts by a column ascending, then descending, keeps the sort in the URL and says so with aria-sort', async () => {
    const { router } = renderWithProviders(<SortedTable />, { route: '/liste?q=kita' })
    const user = userEvent.setup()
    expect(header('Name')).toHaveAttribute('aria-sort', 'ascending')
    expect(header('Geändert')).toHaveAttribute('aria-sort', 'none')
    expect(screen.getByRole('columnheader', { name: 'Ort' })).not.toHaveAttribute('aria-sort')

    await user.click(within(header('Geändert')).getByRole('button'))
    expect(header('Geändert')).toHaveAttribute('aria-sort', 'ascending')
    expect(header('Name')).toHaveAttribute('aria-sort', 'none')
    expect(router.state.location.search).toBe('?q=kita&sort=updatedAt')

    await user.click(within(header('Geändert')).getByRole('button'))
    expect(header('Geändert')).toHaveAttribute('aria-sort', 'descending')
    expect(router.state.location.search).toBe('?q=kita&sort=-updatedAt')

    // Back to the default: the parameter goes away, the filter stays.
    await user.click(within(header('Name')).getByRole('button'))
    expect(router.state.location.search).toBe('?q=kita')
    expect(screen.getByRole('status')).toHaveTextContent('default')
  })

  it('is keyboard usable: Tab reaches the header button, Enter and Space sort', async () => {
    const { router } = renderWithProviders(<SortedTable />, { route: '/liste' })
    const user = userEvent.setup()
    await user.tab()
    expect(within(header('Name')).getByRole('button')).toHaveFocus()
    await user.keyboard('{Enter}')
    expect(router.state.location.search).toBe('?sort=-name')
    await user.tab()
    expect(within(header('Geändert')).getByRole('button')).toHaveFocus()
    await user.keyboard(' ')
    expect(router.state.location.search).toBe('?sort=updatedAt')
  })

  it('reads an unknown sort in the URL as the default', () => {
    renderWithProviders(<SortedTable />, { route: '/liste?sort=shoeSize' })
    expect(header('Name')).toHaveAttribute('aria-sort', 'ascending')
    expect(screen.getByRole('status')).toHaveTextContent('default')
  })

  it('has no accessibility violations', async () => {
    const { container } = renderWithProviders(<SortedTable />, { route: '/liste?sort=-updatedAt' })
    expect(await axeViolations(container)).toEqual([])
  })
})

function pagedQuery(pages: { items: string[]; total?: number | null }[], hasNextPage: boolean): PagedListQuery<string> {
  return {
    data: { pages },
    isPending: false,
    isError: false,
    error: null,
    refetch: () => undefined,
    hasNextPage,
    isFetchingNextPage: false,
    fetchNextPage: () => undefined,
  }
}

const texts = {
  loading: 'Lädt',
  count: (count: number, more: boolean) => `${count} angezeigt${more ? ', weitere vorhanden' : ''}`,
  empty: 'Leer',
  emptyHint: '',
  emptyFiltered: 'Nichts gefunden',
}

describe('ListResults count', () => {
  afterEach(async () => {
    await i18n.changeLanguage('de')
  })

  it('shows "50 von 312" from the total of the first page', async () => {
    const items = Array.from({ length: 50 }, (_, i) => `Zeile ${i}`)
    renderWithProviders(
      <ListResults query={pagedQuery([{ items: items.slice(0, 30), total: 312 }, { items: items.slice(30) }], true)} texts={texts}
        filtered={false}>
        {(rows) => <ul>{rows.map((r) => <li key={r}>{r}</li>)}</ul>}
      </ListResults>,
    )
    expect(await screen.findByRole('status')).toHaveTextContent('50 von 312')
  })

  it('says "50 of 312" in English', async () => {
    await i18n.changeLanguage('en')
    renderWithProviders(
      <ListResults query={pagedQuery([{ items: ['a', 'b'], total: 312 }], true)} texts={texts} filtered={false}>
        {(rows) => <ul>{rows.map((r) => <li key={r}>{r}</li>)}</ul>}
      </ListResults>,
    )
    expect(await screen.findByRole('status')).toHaveTextContent('2 of 312')
  })

  it("uses the list's own text when every row is shown", async () => {
    renderWithProviders(
      <ListResults query={pagedQuery([{ items: ['a', 'b', 'c'], total: 3 }], false)} texts={texts} filtered={false}>
        {(rows) => <ul>{rows.map((r) => <li key={r}>{r}</li>)}</ul>}
      </ListResults>,
    )
    expect(await screen.findByRole('status')).toHaveTextContent(/^3 angezeigt$/)
  })

  it("falls back to the list's own text when the API gave no total", async () => {
    renderWithProviders(
      <ListResults query={pagedQuery([{ items: ['a', 'b'], total: null }], true)} texts={texts} filtered={false}>
        {(rows) => <ul>{rows.map((r) => <li key={r}>{r}</li>)}</ul>}
      </ListResults>,
    )
    expect(await screen.findByRole('status')).toHaveTextContent('2 angezeigt, weitere vorhanden')
  })
})

describe('actor list sorted by its headers', () => {
  it('asks for the total on the first page only, shows "2 von 5" and sends the sort of the clicked header', async () => {
    server.use(
      http.get('/api/v1/actor-types', () => HttpResponse.json(actorTypes)),
      http.get('/api/v1/spaces/tree', () => HttpResponse.json(spaceTree)),
      http.get('/api/v1/actors', ({ request }) => {
        const query = new URL(request.url).searchParams
        const names = query.get('sort') === '-name' ? ['Zentrum', 'Amt'] : ['Amt', 'Zentrum']
        if (query.get('cursor')) return HttpResponse.json({ items: [actor({ name: 'Mitte' })], nextCursor: null, total: null })
        return HttpResponse.json({ items: names.map((name) => actor({ name })), nextCursor: 'c2', total: 5 })
      }),
    )
    const { router } = renderApp({ route: '/actors' })
    const user = userEvent.setup()
    expect(await screen.findByText('2 von 5')).toBeInTheDocument()
    const first = requests.filter((r) => r.url.pathname === '/api/v1/actors').at(-1)
    expect(first?.url.searchParams.get('includeTotal')).toBe('true')
    expect(first?.url.searchParams.has('sort')).toBe(false)

    await user.click(screen.getByRole('button', { name: 'Weitere laden' }))
    expect(await screen.findByText('3 von 5')).toBeInTheDocument()
    const more = requests.filter((r) => r.url.pathname === '/api/v1/actors').at(-1)
    expect(more?.url.searchParams.get('cursor')).toBe('c2')
    expect(more?.url.searchParams.get('includeTotal')).not.toBe('true')

    await user.click(screen.getByRole('button', { name: /^Name/ }))
    await waitFor(() => expect(router.state.location.search).toBe('?sort=-name'))
    await waitFor(() =>
      expect(requests.filter((r) => r.url.pathname === '/api/v1/actors').at(-1)?.url.searchParams.get('sort')).toBe('-name'))
    await waitFor(() => expect(within(screen.getAllByRole('row')[1]).getAllByRole('link')[0]).toHaveTextContent('Zentrum'))
    expect(screen.getByRole('columnheader', { name: /^Name/ })).toHaveAttribute('aria-sort', 'descending')
  })
})
