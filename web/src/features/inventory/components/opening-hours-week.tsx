import { useTranslation } from 'react-i18next'
import type { ClosureEntry, OpeningHoursRule } from '@/api'
import { formatDate } from '@/lib/format'
import { WEEKDAYS, minutesOf, upcomingClosures, weekOf } from './opening-hours'

/**
 * Opening hours as a week: one row per weekday with its intervals as text and as bars on a day from 6 to 22 o'clock
 * (the bars are decoration; the text says everything), then the coming closures.
 */
export function OpeningHoursWeek({ rules, closures = [], headingId }: {
  rules: readonly OpeningHoursRule[]
  closures?: readonly ClosureEntry[]
  headingId?: string }) {
  const { t, i18n } = useTranslation()
  const lng = i18n.language
  const week = weekOf(rules)
  const coming = upcomingClosures(closures)
  const start = 6 * 60
  const span = 16 * 60
  const hasAny = [...week.values()].some((d) => d.length > 0)
  return (
    <div className="opening-week">
      {!hasAny ? (
        <p className="muted">{t('inventory.hours.none')}</p>
      ) : (
        <table className="table opening-week__table" aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col">{t('inventory.hours.day')}</th>
              <th scope="col">{t('inventory.hours.times')}</th>
              <th scope="col" className="opening-week__barcol">
                <span className="visually-hidden">{t('inventory.hours.chart')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {WEEKDAYS.map((day) => {
              const intervals = week.get(day) ?? []
              return (
                <tr key={day}>
                  <th scope="row">{t(`inventory.weekdays.${day}`)}</th>
                  <td>
                    {intervals.length === 0
                      ? t('inventory.hours.closed')
                      : intervals.map((x, i) => (
                          <span key={i} className="opening-week__interval">
                            {t('inventory.hours.interval', { from: x.opensAt, to: x.closesAt })}
                            {x.description ? <span className="muted"> ({x.description})</span> : null}
                          </span>
                        ))}
                  </td>
                  <td className="opening-week__barcol" aria-hidden="true">
                    <div className="opening-week__bar">
                      {intervals.map((x, i) => {
                        const from = Math.max(0, minutesOf(x.opensAt) - start)
                        const to = Math.min(span, minutesOf(x.closesAt) - start)
                        return to > from ? (
                          <span key={i} className="opening-week__open" style={{ left: `${(100 * from) / span}%`,
                            width: `${(100 * (to - from)) / span}%` }} />
                        ) : null
                      })}
                    </div>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
      {coming.length > 0 ? (
        <>
          <h3 className="opening-week__closures">{t('inventory.hours.closures')}</h3>
          <ul>
            {coming.map((c, i) => (
              <li key={i}>
                {c.endsOn && c.endsOn !== c.startsOn
                  ? t('inventory.hours.closureRange', { from: formatDate(c.startsOn, lng), to: formatDate(c.endsOn, lng) })
                  : formatDate(c.startsOn, lng)}
                {': '}
                {c.reason || t(`inventory.closureKinds.${c.kind}`)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  )
}
