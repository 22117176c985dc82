import { render } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { labelInNameViolations } from './axe'

describe('label in name (WCAG 2.5.3), which axe cannot judge in jsdom', () => {
  it('reports an aria-label that does not contain the visible text, and accepts one that does', () => {
    render(
      <main>
        <button type="button" aria-label="Anfragelimit von Portal ändern">Limit ändern …</button>
        <button type="button" aria-label="Limit ändern: Portal">Limit ändern …</button>
        <button type="button" aria-label="„A“ nach oben"><span aria-hidden="true">↑</span> Nach oben</button>
        <button type="button" aria-label="Portal widerrufen">Widerrufen</button>
        <a href="/x" aria-label="Nord"><svg><title>Nord, 12,5 %</title></svg></a>
        <button type="button">Speichern<span className="visually-hidden"> Portal</span></button>
      </main>,
    )
    const found = labelInNameViolations()
    expect(found).toHaveLength(1)
    expect(found[0]).toMatch(
      /^label-content-name-mismatch: the name "Anfragelimit von Portal ändern" does not contain the visible label "limit ändern"/)
  })
})
