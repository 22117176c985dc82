import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { FundingDto } from '@/api'
import { formatDate, formatNumber, today } from '@/lib/format'
import { daysUntil, endsSoon } from './funding-dates'

const DAY = 86_400_000
const time = (date: string) => Date.parse(`${date}T00:00:00Z`)

/**
 * The fundings of one or more services on a time line (bars from start to end, today marked; open ends run to the edge)
 * and, for everyone, as a table with funder, programme, share, amount, period and renewal.
 */
export function FundingTimeline({ fundings, caption, showService = false }: { fundings: readonly FundingDto[]; caption: string;
  showService?: boolean }) {
  const { t, i18n } = useTranslation()
  const lng = i18n.language
  if (fundings.length === 0) return <p className="muted">{t('inventory.funding.none')}</p>
  const now = time(today())
  const starts = fundings.map((f) => (f.startsOn ? time(f.startsOn) : now - 365 * DAY))
  const ends = fundings.map((f) => (f.endsOn ? time(f.endsOn) : now + 365 * DAY))
  // at most three years back: older starts run in from the left edge
  const from = Math.max(now - 3 * 365 * DAY, Math.min(now - 180 * DAY, ...starts))
  const to = Math.max(now + 365 * DAY, ...ends)
  const pct = (x: number) => `${(100 * (x - from)) / (to - from)}%`
  const sorted = [...fundings].sort((a, b) => (a.endsOn ?? '9999').localeCompare(b.endsOn ?? '9999'))
  return (
    <div className="funding-timeline">
      <div className="funding-timeline__chart" aria-hidden="true">
        <div className="funding-timeline__row">
          <span />
          <span className="funding-timeline__axis">
            <span className="funding-timeline__today-label" style={{ left: pct(now) }}>
              {t('inventory.funding.today')}
            </span>
          </span>
        </div>
        {sorted.map((f) => {
          const s = f.startsOn ? Math.max(from, time(f.startsOn)) : from
          const e = f.endsOn ? time(f.endsOn) : to
          const soon = endsSoon(f)
          return (
            <div key={f.id} className="funding-timeline__row">
              <span className="funding-timeline__label" title={showService ? `${f.funderName}: ${f.serviceName}` : f.funderName}>
                {f.funderName}
              </span>
              <span className="funding-timeline__track">
                <span
                  className={['funding-timeline__bar', soon ? 'funding-timeline__bar--soon' : '',
                    f.endsOn ? '' : 'funding-timeline__bar--open'].filter(Boolean).join(' ')}
                  style={{ left: pct(s), width: `calc(${pct(e)} - ${pct(s)})` }}
                />
                <span className="funding-timeline__today" style={{ left: pct(now) }} />
              </span>
            </div>
          )
        })}
      </div>
      <div className="table-wrap" tabIndex={0}>
        <table className="table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              {showService ? <th scope="col">{t('inventory.fields.service')}</th> : null}
              <th scope="col">{t('inventory.funding.funder')}</th>
              <th scope="col">{t('inventory.funding.programme')}</th>
              <th scope="col" className="num">{t('inventory.funding.share')}</th>
              <th scope="col" className="num">{t('inventory.funding.amount')}</th>
              <th scope="col">{t('inventory.funding.period')}</th>
              <th scope="col">{t('inventory.funding.renewal')}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((f) => (
              <tr key={f.id}>
                {showService ? (
                  <td>
                    <Link to={`/inventory/services/${f.serviceId}`}>{f.serviceName}</Link>
                  </td>
                ) : null}
                <td>
                  <Link to={`/actors/${f.funderActorId}`}>{f.funderName}</Link>
                </td>
                <td>{f.programme ?? ''}</td>
                <td className="num">{f.sharePercent != null ? `${formatNumber(f.sharePercent, lng)} %` : ''}</td>
                <td className="num">{f.amountPerYear != null ? `${formatNumber(f.amountPerYear, lng)} €` : ''}</td>
                <td>
                  {f.startsOn && f.endsOn
                    ? t('inventory.funding.range', { from: formatDate(f.startsOn, lng), to: formatDate(f.endsOn, lng) })
                    : f.endsOn
                      ? t('common.until', { to: formatDate(f.endsOn, lng) })
                      : f.startsOn
                        ? `${t('common.since', { from: formatDate(f.startsOn, lng) })}, ${t('inventory.funding.openEnd')}`
                        : t('inventory.funding.openEnd')}
                  {endsSoon(f) && f.endsOn ? (
                    <span className="badge badge--warning"> {t('inventory.funding.daysLeft', { count: daysUntil(f.endsOn) })}</span>
                  ) : null}
                </td>
                <td>{t(`inventory.renewal.${f.renewalStatus}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}
