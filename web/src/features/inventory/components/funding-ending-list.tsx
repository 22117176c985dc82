import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { EndingFundingDto } from '@/api'
import { formatDate, formatNumber } from '@/lib/format'

/** Fundings running out: service, funder, end with days left, renewal, and the spaces and networks affected. */
export function FundingEndingTable({ items, caption, compact = false }: {
  items: readonly EndingFundingDto[]
  caption: string
  compact?: boolean
}) {
  const { t, i18n } = useTranslation()
  const lng = i18n.language
  return (
    <div className="table-wrap" tabIndex={0}>
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('inventory.ending.ends')}</th>
            <th scope="col">{t('inventory.fields.service')}</th>
            <th scope="col">{t('inventory.funding.funder')}</th>
            {compact ? null : <th scope="col" className="num">{t('inventory.funding.share')}</th>}
            <th scope="col">{t('inventory.funding.renewal')}</th>
            {compact ? null : <th scope="col">{t('inventory.ending.affected')}</th>}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const f = item.funding
            return (
              <tr key={f.id}>
                <td>
                  {formatDate(f.endsOn, lng)}
                  <span className={`badge ${item.daysLeft <= 60 ? 'badge--warning' : 'badge--muted'}`}>
                    {t('inventory.funding.daysLeft', { count: item.daysLeft })}
                  </span>
                </td>
                <td>
                  <Link to={`/inventory/services/${f.serviceId}`}>{f.serviceName}</Link>
                  {item.operatorName ? <span className="muted small block">{item.operatorName}</span> : null}
                </td>
                <td>
                  {f.funderName}
                  {f.programme ? <span className="muted small block">{f.programme}</span> : null}
                </td>
                {compact ? null : <td className="num">{f.sharePercent != null ? `${formatNumber(f.sharePercent, lng)} %` : ''}</td>}
                <td>{t(`inventory.renewal.${f.renewalStatus}`)}</td>
                {compact ? null : (
                  <td>
                    {item.spaces.map((s) => (
                      <Link key={s.id} to={`/spaces/${s.id}`} className="block">
                        {s.name}
                      </Link>
                    ))}
                    {item.networks.map((n) => (
                      <Link key={n.id} to={`/networks/${n.id}`} className="block">
                        {n.name}
                      </Link>
                    ))}
                  </td>
                )}
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
