/** Moving and pasting in the entry grid (kept apart from the component so both are tested on their own; numbers are read
 * by the app's one parser, lib/numbers). */

/** The cell a key moves to (spreadsheet keys: arrows, Enter down, Shift+Enter up, Tab handled by the browser). */
export function move(key: string, shift: boolean, row: number, col: number, rows: number, cols: number): [number, number] | undefined {
  switch (key) {
    case 'ArrowUp': return [Math.max(0, row - 1), col]
    case 'ArrowDown': return [Math.min(rows - 1, row + 1), col]
    case 'ArrowLeft': return [row, Math.max(0, col - 1)]
    case 'ArrowRight': return [row, Math.min(cols - 1, col + 1)]
    case 'Enter': return shift ? [Math.max(0, row - 1), col] : [Math.min(rows - 1, row + 1), col]
    default: return undefined
  }
}

/** A block pasted from Excel (tab-separated columns, one line per row), as text cells. */
export function parsePaste(text: string): string[][] {
  return text.replace(/\r/g, '').replace(/\n$/, '').split('\n').map((line) => line.split('\t'))
}
