import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations, e2eEnv, screenshot, signIn, startBrowser, type BrowserSession } from './browser.ts'

/*
 * Networks in a real browser against the real API with the demo data:
 * networks list (axe) → create a network with its mandate → add two demo actors as members →
 * record a meeting (attendance, decision, Markdown minutes with preview) → record an agreement
 * for one member → see it on the agreements board and move it (axe) → network detail (axe) →
 * network map with the node table (axe) → start page with the attention list.
 */
const configured = e2eEnv.missing.length === 0

const pad = (n: number) => String(n).padStart(2, '0')
const day = (offset: number) => {
  const d = new Date()
  d.setDate(d.getDate() + offset)
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

describe.skipIf(!configured)('Netzwerke: anlegen, Mitglieder, Sitzung, Verabredung, Karte (Browser)', () => {
  let session: BrowserSession
  const unique = Date.now().toString(36)
  const networkName = `Fokusgruppe Übergänge ${unique}`
  const agreementTitle = `Elternabend zur Einschulung planen ${unique}`
  const memberA = 'Grundschule Teltow'
  const memberB = 'Jugendclub Teltow e.V.'
  let networkPath = ''

  const page = () => session.page
  const nav = () => page().getByRole('navigation', { name: 'Hauptnavigation' })

  beforeAll(async () => {
    session = await startBrowser(e2eEnv.baseURL!)
    await signIn(page())
    await page().getByRole('heading', { level: 1, name: /^Willkommen/ }).waitFor()
  })

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && session) await screenshot(page(), 'e2e-network-failure').catch(() => undefined)
  })

  afterAll(async () => {
    await session?.close()
  })

  it('shows the start page with the networks needing attention', async () => {
    const attention = page().getByRole('region', { name: 'Netzwerke mit Handlungsbedarf' })
    await attention.waitFor()
    // The demo data has networks whose last meeting was in 2012.
    await attention.getByText(/Sitzung überfällig/).first().waitFor()
    await screenshot(page(), 'e2e-start-attention')
    expect(await axeViolations(page())).toEqual([])
  })

  it('lists the networks with their mandate (axe)', async () => {
    await nav().getByRole('link', { name: 'Netzwerke' }).click()
    await page().getByRole('heading', { level: 1, name: 'Netzwerke' }).waitFor()
    await page().getByRole('link', { name: 'Lenkrunde Sozialraum Teltow' }).waitFor()
    await screenshot(page(), 'e2e-networks-list')
    expect(await axeViolations(page())).toEqual([])
  })

  it('creates a network with its mandate', async () => {
    await page().getByRole('link', { name: 'Neues Netzwerk' }).click()
    await page().getByRole('heading', { level: 1, name: 'Neues Netzwerk anlegen' }).waitFor()
    // Without a mandate the form says why it is needed.
    await page().getByRole('textbox', { name: 'Name', exact: true }).fill(networkName)
    await page().getByRole('button', { name: 'Netzwerk anlegen' }).click()
    await page().getByText(/Ohne Aufgabenstellung weiß niemand, warum man sich trifft/).first().waitFor()

    await page().getByRole('combobox', { name: 'Art', exact: true }).selectOption('focusGroup')
    await page()
      .getByRole('textbox', { name: 'Aufgabenstellung' })
      .fill('Übergänge von der Kita in die Grundschule in Teltow gemeinsam gestalten: Angebote abstimmen, Eltern früh erreichen.')
    await page().getByRole('textbox', { name: 'Beauftragt durch' }).fill('Lenkrunde Sozialraum Teltow')
    await page().getByLabel('Beauftragt am').fill(day(-30))
    await page().getByRole('checkbox', { name: 'Koordination' }).check()
    await page().getByRole('checkbox', { name: 'Umsetzung' }).check()
    await page().getByRole('textbox', { name: 'Ziele' }).fill(
      'Jedes Kind kennt seine Schule vor dem ersten Schultag\nElternabende gemeinsam planen')
    await page().getByRole('spinbutton', { name: 'Alle …' }).fill('2')
    await page().getByRole('combobox', { name: 'Einheit' }).selectOption('months')
    await page().getByRole('checkbox', { name: /^Teltow/ }).first().check()
    await page().getByRole('button', { name: 'Verbindung hinzufügen' }).click()
    const link = page().getByRole('group', { name: 'Verbindung 1' })
    await link.getByRole('combobox', { name: 'Netzwerk', exact: true }).selectOption({ label: 'Lenkrunde Sozialraum Teltow' })
    await screenshot(page(), 'e2e-network-form')
    await page().getByRole('button', { name: 'Netzwerk anlegen' }).click()

    await page().waitForURL((url) => /^\/networks\/[^/]+$/.test(url.pathname) && url.pathname !== '/networks/new')
    networkPath = new URL(page().url()).pathname
    await page().getByRole('heading', { level: 1, name: networkName }).waitFor()
    await page().getByText(`„${networkName}“ wurde angelegt.`).waitFor()
    const h2 = await page().getByRole('heading', { level: 2 }).allTextContents()
    expect(h2[0]).toBe('Aufgabenstellung')
    await page().getByText('entsendet Delegierte in').first().waitFor()
  })

  it('adds two demo actors as members', async () => {
    for (const [actor, role] of [
      [memberA, 'member'],
      [memberB, 'guest'],
    ] as const) {
      await page().getByRole('button', { name: 'Mitglied hinzufügen' }).click()
      const form = page().getByRole('form', { name: 'Mitglied hinzufügen' })
      // the actor is found by typing (search as you type), then picked from the suggestions
      await form.getByRole('combobox', { name: 'Akteur' }).fill(actor.slice(0, 12))
      await form.getByRole('option', { name: actor, exact: true }).click()
      await form.getByRole('combobox', { name: 'Rolle' }).selectOption(role)
      // Members since before the meeting recorded below (which took place yesterday).
      await form.getByLabel('Mitglied seit').fill(day(-60))
      await form.getByRole('button', { name: 'Mitglied hinzufügen' }).click()
      await page().getByText(`${actor} wurde als Mitglied hinzugefügt.`).waitFor()
    }
    const current = page().getByRole('table', { name: `Aktuelle Mitglieder von ${networkName}` })
    await current.getByRole('link', { name: memberA }).waitFor()
    await current.getByRole('link', { name: memberB }).waitFor()
  })

  it('records a meeting with attendance, a decision and Markdown minutes', async () => {
    await page().getByRole('link', { name: 'Sitzung erfassen' }).click()
    await page().getByRole('heading', { level: 1, name: `Sitzung von ${networkName} erfassen` }).waitFor()
    await page().getByLabel('Beginn').fill(`${day(-1)}T15:00`)
    await page().getByLabel('Ende').fill(`${day(-1)}T17:00`)
    await page().getByRole('textbox', { name: 'Titel' }).fill('1. Sitzung')
    await page().getByRole('textbox', { name: 'Ort' }).fill('Rathaus Teltow, Raum 2')
    await page().getByRole('combobox', { name: `Anwesenheit von ${memberA}` }).selectOption('present')
    await page().getByRole('combobox', { name: `Anwesenheit von ${memberB}` }).selectOption('excused')
    await page().getByRole('button', { name: 'Beschluss hinzufügen' }).click()
    await page().getByRole('textbox', { name: 'Beschluss 1' }).fill('Die Fokusgruppe trifft sich alle zwei Monate im Rathaus.')
    await page()
      .getByRole('textbox', { name: 'Protokoll' })
      .fill('## Begrüßung\n\nVorstellungsrunde mit **Erwartungen** an die Fokusgruppe.\n\n## Verabredungen\n\n- Elternabend planen\n- ' +
        'Termine abstimmen\n\n<script>alert(1)</script>')
    const modes = page().getByRole('group', { name: 'Ansicht für Protokoll' })
    await modes.getByRole('button', { name: 'Vorschau' }).click()
    const preview = page().getByRole('region', { name: 'Vorschau: Protokoll' })
    await preview.getByRole('heading', { name: 'Begrüßung' }).waitFor()
    expect(await preview.locator('script').count()).toBe(0)
    await screenshot(page(), 'e2e-meeting-form-preview')
    expect(await axeViolations(page())).toEqual([])
    await modes.getByRole('button', { name: 'Bearbeiten' }).click()
    await page().getByRole('button', { name: 'Sitzung speichern' }).click()

    await page().waitForURL((url) => url.pathname.startsWith('/meetings/'))
    await page().getByText('Die Sitzung wurde gespeichert.').waitFor()
    await page().getByRole('heading', { level: 2, name: 'Protokoll' }).waitFor()
    await page().getByRole('heading', { level: 3, name: 'Begrüßung' }).waitFor()
  })

  it('records an agreement for one member in the meeting', async () => {
    await page().getByRole('button', { name: 'Verabredung erfassen' }).click()
    const form = page().getByRole('form', { name: 'Verabredung erfassen' })
    await form.getByRole('textbox', { name: 'Verabredung' }).fill(agreementTitle)
    await form.getByRole('textbox', { name: 'Beschreibung' }).fill('Gemeinsam mit der Kita einen Elternabend vorbereiten.')
    await form.getByRole('checkbox', { name: memberA }).check()
    await form.getByLabel('Frist').fill(day(-1))
    await form.getByRole('button', { name: 'Verabredung speichern' }).click()
    await page().getByText(`Die Verabredung „${agreementTitle}“ wurde erfasst.`).waitFor()
    const row = page().getByRole('table', { name: 'Verabredungen aus dieser Sitzung' }).getByRole('row',
      { name: new RegExp(agreementTitle) })
    await row.getByText(/überfällig seit/).waitFor()
    await screenshot(page(), 'e2e-meeting')
    expect(await axeViolations(page())).toEqual([])
  })

  it('shows the agreement on the board and moves it with the keyboard control (axe)', async () => {
    await nav().getByRole('link', { name: 'Verabredungen' }).click()
    await page().getByRole('heading', { level: 1, name: 'Verabredungen' }).waitFor()
    await page().getByRole('combobox', { name: 'Netzwerk' }).selectOption({ label: networkName })
    const open = page().getByRole('region', { name: /^Offen/ })
    const card = open.getByRole('article', { name: agreementTitle })
    await card.waitFor()
    await card.getByText(memberA).waitFor()
    await card.getByText(/überfällig seit/).waitFor()
    await page().getByRole('combobox', { name: 'Netzwerk' }).selectOption('')
    // All networks again: a demo agreement from the AG Soziales minutes is back on the board.
    await open.getByRole('article', { name: 'Werkstatt-Veranstaltung zur Problemanalyse prüfen' }).waitFor()
    await screenshot(page(), 'e2e-board')
    expect(await axeViolations(page())).toEqual([])

    const status = card.getByRole('combobox', { name: `Status von „${agreementTitle}“` })
    await status.focus()
    await status.selectOption('inProgress')
    await page().keyboard.press('Tab')
    await page().keyboard.press('Enter')
    await page().getByText(`„${agreementTitle}“ steht jetzt unter „In Arbeit“.`).waitFor({ state: 'attached' })
    const moved = page().getByRole('region', { name: /^In Arbeit/ }).getByRole('article', { name: agreementTitle })
    await moved.waitFor()
    expect(await moved.getByRole('heading', { level: 3 }).evaluate((el) => el === document.activeElement)).toBe(true)
  })

  it('shows the network detail with members, meeting, agreement and health (axe)', async () => {
    await page().goto(networkPath)
    await page().getByRole('heading', { level: 1, name: networkName }).waitFor()
    await page().getByRole('table', { name: `Sitzungen von ${networkName}` }).getByText('1. Sitzung').waitFor()
    await page().getByRole('table', { name: `Verabredungen von ${networkName}` }).getByText(agreementTitle, { exact: true }).waitFor()
    await page().getByText('1 überfällige Verabredung').waitFor()
    await page().getByRole('button', { name: 'Kalender abonnieren' }).click()
    await page().getByRole('textbox', { name: 'Adresse des Kalender-Abonnements' }).waitFor()
    expect(await page().getByRole('textbox', { name: 'Adresse des Kalender-Abonnements' }).inputValue()).toMatch(/calendar\.ics\?token=/)
    await screenshot(page(), 'e2e-network-detail')
    expect(await axeViolations(page())).toEqual([])
  })

  it('shows the network map with its node table (axe)', async () => {
    await nav().getByRole('link', { name: 'Netzwerkkarte' }).click()
    await page().getByRole('heading', { level: 1, name: 'Netzwerkkarte' }).waitFor()
    // the filters are folded away above the graph until opened
    await page().locator('summary', { hasText: /^Filter/ }).click()
    await page().getByRole('combobox', { name: 'Netzwerk' }).selectOption({ label: networkName })
    const table = page().getByRole('table', { name: /Knoten der Netzwerkkarte/ })
    await table.getByRole('link', { name: memberA }).waitFor()
    await table.getByRole('link', { name: 'Lenkrunde Sozialraum Teltow' }).waitFor()
    await page().getByRole('img', { name: /^Netzwerkkarte am/ }).waitFor()
    await page().locator('.graph-canvas canvas').first().waitFor()
    await table.getByRole('button', { name: new RegExp(`^In Karte zeigen ?: ${memberA}$`) }).click()
    await page().getByRole('complementary', { name: 'Auswahl und Legende' }).getByRole('link', { name: memberA }).waitFor()
    await page().waitForTimeout(500)
    await screenshot(page(), 'e2e-network-map-filtered')
    expect(await axeViolations(page())).toEqual([])

    // The whole map (all networks and actors): the canvas as the eye sees it, without the long table.
    await page().getByRole('combobox', { name: 'Netzwerk' }).selectOption('')
    await table.getByRole('link', { name: 'Sozialraumkonferenz Teltow' }).waitFor()
    await page().waitForTimeout(1000)
    await page().evaluate(() =>
      window.scrollTo(0, (document.querySelector('.map-layout')?.getBoundingClientRect().top ?? 0) + window.scrollY - 60))
    await screenshot(page(), 'e2e-network-map', { fullPage: false })
  })
})
