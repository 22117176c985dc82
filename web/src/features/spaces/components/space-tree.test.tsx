import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { SpaceLevel, type SpaceTreeNode } from '@/api'
import '@/lib/i18n'
import { SpaceTree } from './space-tree'

const node = (id: string, name: string, level: SpaceLevel, children: SpaceTreeNode[] = []): SpaceTreeNode => ({
  id,
  code: id.toUpperCase(),
  name,
  level,
  validFrom: '2020-01-01',
  children,
})

const tree: SpaceTreeNode[] = [
  node('by', 'Bayern', SpaceLevel.State, [
    node('m', 'München', SpaceLevel.County, [
      node('m-nord', 'München Nord', SpaceLevel.District),
      node('m-sued', 'München Süd', SpaceLevel.District),
    ]),
    node('a', 'Augsburg', SpaceLevel.County),
  ]),
  node('be', 'Berlin', SpaceLevel.State, [node('moabit', 'Moabit', SpaceLevel.Neighbourhood)]),
]

function item(name: string) {
  return screen.getByRole('treeitem', { name: new RegExp(`^${name} \\(`) })
}

describe('SpaceTree', () => {
  it('renders a labelled tree with levels, set sizes and expanded state', () => {
    render(<SpaceTree nodes={tree} label="Gliederung" />)
    const t = screen.getByRole('tree', { name: 'Gliederung' })
    expect(t).toBeInTheDocument()
    // Top level is expanded by default: its children are visible, grandchildren are not.
    expect(item('Bayern')).toHaveAttribute('aria-expanded', 'true')
    expect(item('Bayern')).toHaveAttribute('aria-level', '1')
    expect(item('München')).toHaveAttribute('aria-expanded', 'false')
    expect(item('München')).toHaveAttribute('aria-level', '2')
    expect(item('München')).toHaveAttribute('aria-posinset', '1')
    expect(item('München')).toHaveAttribute('aria-setsize', '2')
    expect(item('Augsburg')).not.toHaveAttribute('aria-expanded')
    expect(screen.queryByRole('treeitem', { name: /München Nord/ })).not.toBeInTheDocument()
    // Names come from the row label, not from the nested group.
    expect(item('Bayern')).toHaveAccessibleName(/^Bayern \(BY, Land\)$/)
  })

  it('has exactly one tab stop (roving tabindex)', () => {
    render(<SpaceTree nodes={tree} label="Gliederung" />)
    const focusable = screen.getAllByRole('treeitem').filter((el) => el.tabIndex === 0)
    expect(focusable).toHaveLength(1)
    expect(focusable[0]).toBe(item('Bayern'))
  })

  it('moves with the arrow keys, opens and closes, and goes to parent and child', async () => {
    const user = userEvent.setup()
    render(<SpaceTree nodes={tree} label="Gliederung" />)
    await user.tab()
    expect(item('Bayern')).toHaveFocus()

    await user.keyboard('{ArrowDown}')
    expect(item('München')).toHaveFocus()
    expect(item('München')).toHaveAttribute('tabindex', '0')
    expect(item('Bayern')).toHaveAttribute('tabindex', '-1')

    // Right opens a closed node, a second Right goes to its first child.
    await user.keyboard('{ArrowRight}')
    expect(item('München')).toHaveAttribute('aria-expanded', 'true')
    expect(item('München')).toHaveFocus()
    await user.keyboard('{ArrowRight}')
    expect(item('München Nord')).toHaveFocus()

    // Down walks through the visible items in order.
    await user.keyboard('{ArrowDown}')
    expect(item('München Süd')).toHaveFocus()
    await user.keyboard('{ArrowDown}')
    expect(item('Augsburg')).toHaveFocus()
    await user.keyboard('{ArrowUp}')
    expect(item('München Süd')).toHaveFocus()

    // Left on a leaf goes to the parent; Left on an open parent closes it.
    await user.keyboard('{ArrowLeft}')
    expect(item('München')).toHaveFocus()
    await user.keyboard('{ArrowLeft}')
    expect(item('München')).toHaveAttribute('aria-expanded', 'false')
    expect(screen.queryByRole('treeitem', { name: /München Süd/ })).not.toBeInTheDocument()
    await user.keyboard('{ArrowLeft}')
    expect(item('Bayern')).toHaveFocus()
  })

  it('jumps with Home/End and by first letter', async () => {
    const user = userEvent.setup()
    render(<SpaceTree nodes={tree} label="Gliederung" />)
    await user.tab()
    await user.keyboard('{End}')
    expect(item('Moabit')).toHaveFocus()
    await user.keyboard('{Home}')
    expect(item('Bayern')).toHaveFocus()
    await user.keyboard('a')
    expect(item('Augsburg')).toHaveFocus()
    await user.keyboard('b')
    expect(item('Berlin')).toHaveFocus()
  })

  it('activates the focused item with Enter and a click on its name', async () => {
    const user = userEvent.setup()
    const onActivate = vi.fn()
    render(<SpaceTree nodes={tree} label="Gliederung" onActivate={onActivate} />)
    await user.tab()
    await user.keyboard('{ArrowDown}{Enter}')
    expect(onActivate).toHaveBeenLastCalledWith(expect.objectContaining({ id: 'm' }))
    await user.click(screen.getByText('Augsburg'))
    expect(onActivate).toHaveBeenLastCalledWith(expect.objectContaining({ id: 'a' }))
    expect(item('Augsburg')).toHaveFocus()
  })

  it('moves focus to a visible item when its parent is collapsed by mouse', async () => {
    const user = userEvent.setup()
    render(<SpaceTree nodes={tree} label="Gliederung" />)
    await user.tab()
    await user.keyboard('{ArrowDown}{ArrowDown}') // Augsburg
    expect(item('Augsburg')).toHaveFocus()
    await user.keyboard('{Home}{ArrowLeft}') // close Bayern
    expect(item('Bayern')).toHaveAttribute('aria-expanded', 'false')
    expect(screen.getAllByRole('treeitem').filter((el) => el.tabIndex === 0)).toEqual([item('Bayern')])
  })
})
