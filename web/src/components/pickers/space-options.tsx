import type { FlatSpace } from './spaces'

/** The `<option>`s of a space select, indented by depth in the tree (from flattenTree). */
export function SpaceOptions({ spaces }: { spaces: readonly Pick<FlatSpace, 'id' | 'name' | 'depth'>[] }) {
  return (
    <>
      {spaces.map((s) => (
        <option key={s.id} value={s.id}>
          {'\u00a0\u00a0'.repeat(s.depth)}
          {s.name}
        </option>
      ))}
    </>
  )
}
