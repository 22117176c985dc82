import { fireEvent, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import i18n from 'i18next'
import { describe, expect, it, vi } from 'vitest'
import { axeViolations } from '@/testing/axe'
import { renderWithProviders } from '@/testing/render'
import { EntryGrid } from './components/entry-grid'
import { move, parsePaste } from './entry-grid-model'

const rows = [{ id: 'a', name: 'Hafen' }, { id: 'b', name: 'Nordmarkt' }, { id: 'c', name: 'Borsigplatz' }]
const periods = ['2022', '2023', '2024']
const stored = { 'a|2022': { value: 40.1, version: 1 }, 'a|2023': { value: 39.5, version: 2 }, 'b|2023': { value: 41, version: 1 } }

describe('entry grid', () => {
  it('moves like a spreadsheet: arrows, Enter down, Shift+Enter up, left and right only at the edge of the text', async () => {
    document.title = 'Erfassung'
    renderWithProviders(<main><EntryGrid rows={rows} periods={periods} stored={stored} decimals={1} onSave={async () => ({})} /></main>)
    const user = userEvent.setup()
    const cell = (space: string, period: string) => screen.getByRole('textbox', { name: `${space}, ${period}` })
    await user.click(cell('Hafen', '2022'))
    await user.keyboard('{ArrowDown}')
    expect(cell('Nordmarkt', '2022')).toHaveFocus()
    await user.keyboard('{Enter}')
    expect(cell('Borsigplatz', '2022')).toHaveFocus()
    await user.keyboard('{ArrowDown}')
    expect(cell('Borsigplatz', '2022')).toHaveFocus()
    await user.keyboard('{Shift>}{Enter}{/Shift}')
    expect(cell('Nordmarkt', '2022')).toHaveFocus()
    await user.keyboard('{ArrowRight}')
    expect(cell('Nordmarkt', '2023')).toHaveFocus()
    // "41,0": the caret starts at the end after a click; ArrowLeft moves within the text first
    await user.click(cell('Hafen', '2023'))
    await user.keyboard('{ArrowLeft}')
    expect(cell('Hafen', '2023')).toHaveFocus()
    await user.keyboard('{Home}{ArrowLeft}')
    expect(cell('Hafen', '2022')).toHaveFocus()
    await user.keyboard('{ArrowUp}')
    expect(cell('Hafen', '2022')).toHaveFocus()
    expect(await axeViolations()).toEqual([])
  })

  it('shows the previous value beside each cell, checks each cell, and saves a row or all with the decimal comma read', async () => {
    const onSave = vi.fn(async () => ({}))
    renderWithProviders(<main><EntryGrid rows={rows} periods={periods} stored={stored} decimals={1} onSave={onSave} /></main>)
    const user = userEvent.setup()
    const cell = (space: string, period: string) => screen.getByRole('textbox', { name: `${space}, ${period}` })
    expect(cell('Hafen', '2024')).toHaveAccessibleDescription('Vorwert 39,5')
    expect(cell('Hafen', '2022')).toHaveAccessibleDescription('kein Vorwert')
    expect(cell('Hafen', '2023')).toHaveValue('39,5')
    await user.type(cell('Hafen', '2024'), '38,7')
    await user.type(cell('Nordmarkt', '2024'), 'zwölf')
    expect(cell('Nordmarkt', '2024')).toHaveAccessibleDescription(/Bitte eine Zahl wie 1.234 oder 12,5 eingeben/)
    expect(screen.getByRole('button', { name: /Änderung/ })).toBeDisabled()
    await user.click(screen.getByRole('button', { name: 'Zeile speichern: Hafen' }))
    expect(onSave).toHaveBeenCalledWith([{ spaceId: 'a', period: '2024', value: 38.7, version: undefined }])
    const row = screen.getByRole('row', { name: /Nordmarkt/ })
    expect(within(row).getByRole('button', { name: 'Zeile speichern: Nordmarkt' })).toBeDisabled()
  })

  it('pastes a block from Excel (tab-separated, decimal comma) from the focused cell', () => {
    const onSave = vi.fn(async () => ({}))
    renderWithProviders(<EntryGrid rows={rows} periods={periods} stored={{}} decimals={1} onSave={onSave} />)
    const first = screen.getByRole('textbox', { name: 'Nordmarkt, 2023' })
    fireEvent.paste(first, { clipboardData: { getData: () => '12,5\t13,0\r\n1.234,5\t7\r\n' } })
    expect(first).toHaveValue('12,5')
    expect(screen.getByRole('textbox', { name: 'Nordmarkt, 2024' })).toHaveValue('13,0')
    expect(screen.getByRole('textbox', { name: 'Borsigplatz, 2023' })).toHaveValue('1.234,5')
    expect(screen.getByRole('button', { name: '4 Änderungen speichern' })).toBeEnabled()
  })

  it('reads cells as the UI language writes numbers: German 1.234 is 1234 and 1.23 is no number; English 1,234.5', async () => {
    const onSave = vi.fn(async () => ({}))
    renderWithProviders(<EntryGrid rows={rows} periods={periods} stored={{}} decimals={1} onSave={onSave} />)
    const user = userEvent.setup()
    await user.type(screen.getByRole('textbox', { name: 'Hafen, 2022' }), '1.234')
    await user.type(screen.getByRole('textbox', { name: 'Hafen, 2023' }), '1.23')
    expect(screen.getByRole('textbox', { name: 'Hafen, 2023' })).toHaveAttribute('aria-invalid', 'true')
    await user.clear(screen.getByRole('textbox', { name: 'Hafen, 2023' }))
    await user.click(screen.getByRole('button', { name: 'Zeile speichern: Hafen' }))
    expect(onSave).toHaveBeenLastCalledWith([{ spaceId: 'a', period: '2022', value: 1234, version: undefined }])

    await i18n.changeLanguage('en')
    try {
      await user.type(await screen.findByRole('textbox', { name: 'Nordmarkt, 2022' }), '1,234.5')
      await user.click(screen.getByRole('button', { name: 'Save row: Nordmarkt' }))
      expect(onSave).toHaveBeenLastCalledWith([{ spaceId: 'b', period: '2022', value: 1234.5, version: undefined }])
    } finally {
      await i18n.changeLanguage('de')
    }
  })

  it('moves within bounds and splits a pasted block', () => {
    expect(move('ArrowUp', false, 0, 0, 3, 3)).toEqual([0, 0])
    expect(move('Enter', true, 2, 1, 3, 3)).toEqual([1, 1])
    expect(move('a', false, 0, 0, 3, 3)).toBeUndefined()
    expect(parsePaste('1\t2\n3\t4\n')).toEqual([['1', '2'], ['3', '4']])
  })
})
