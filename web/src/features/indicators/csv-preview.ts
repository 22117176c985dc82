/** Separator of a CSV text: the one that occurs most often in the header line (; before tab before ,). */
export function detectDelimiter(text: string): string {
  const header = text.split(/\r?\n/, 1)[0] ?? ''
  const counts: [string, number][] = [';', '\t', ','].map((d) => [d, header.split(d).length - 1])
  counts.sort((a, b) => b[1] - a[1])
  return counts[0][1] > 0 ? counts[0][0] : ';'
}

export const DELIMITER_CHARS: Record<string, string> = { semicolon: ';', comma: ',', tab: '\t' }

/** Splits one CSV line (double quotes with "" escapes). Enough for a preview; the server parses for real. */
export function splitCsvLine(line: string, delimiter: string): string[] {
  const out: string[] = []
  let cur = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const c = line[i]
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"'
        i++
      } else if (c === '"') quoted = false
      else cur += c
    } else if (c === '"') quoted = true
    else if (c === delimiter) {
      out.push(cur)
      cur = ''
    } else cur += c
  }
  out.push(cur)
  return out
}

export interface CsvPreview {
  header: string[]
  /** Data rows with their line number in the file (header = line 1). */
  rows: { line: number; cells: string[] }[]
  total: number
}

export function previewCsv(text: string, delimiterName: string | undefined, max = 20): CsvPreview {
  const clean = text.replace(/^\uFEFF/, '')
  const delimiter = (delimiterName && DELIMITER_CHARS[delimiterName]) || detectDelimiter(clean)
  const lines = clean.split(/\r?\n/)
  const header = splitCsvLine(lines[0] ?? '', delimiter).map((h) => h.trim())
  const rows: CsvPreview['rows'] = []
  let total = 0
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].trim() === '') continue
    total++
    if (rows.length < max) rows.push({ line: i + 1, cells: splitCsvLine(lines[i], delimiter) })
  }
  return { header, rows, total }
}
