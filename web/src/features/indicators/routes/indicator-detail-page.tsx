import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { EntityHistory } from '@/components/history/entity-history'
import { Alert, Loading } from '@/components/ui/feedback'
import { ProblemAlert } from '@/components/ui/problem-alert'
import { useNavigationNotice } from '@/lib/navigation-notice'
import { usePageTitle } from '@/lib/use-page-title'
import { useDeleteIndicator, useIndicator } from '../api/indicators'
import { ExportDialog } from '../components/export-dialog'
import { IndicatorAcrossSpaces } from '../components/indicator-across-spaces'
import { indicatorHistory } from '../history'

export function IndicatorDetailPage() {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const navigate = useNavigate()
  const notice = useNavigationNotice()
  const indicator = useIndicator(id)
  const remove = useDeleteIndicator(id)
  const [exporting, setExporting] = useState(false)
  usePageTitle(indicator.data?.name ?? t('indicators.detailTitle'))

  if (indicator.isPending) return <Loading label={t('indicators.loading')} />
  if (indicator.isError) {
    return (
      <>
        <h1>{t('indicators.detailTitle')}</h1>
        <ProblemAlert error={indicator.error} onRetry={() => void indicator.refetch()} />
        <p><Link to="/indicators">{t('indicators.backToCatalogue')}</Link></p>
      </>
    )
  }
  const i = indicator.data
  const na = t('common.notSpecified')
  return (
    <>
      <p className="breadcrumb"><Link to="/indicators">{t('indicators.backToCatalogue')}</Link></p>
      <div className="page-header">
        <h1>{i.name}</h1>
        <div className="page-header__actions">
          <button type="button" className="button button--secondary"
            onClick={() => setExporting(true)}>{t('indicators.export.open')}</button>
          <Link to={`/indicators/${i.id}/edit`} className="button button--primary">{t('common.edit')}</Link>
          <button
            type="button"
            className="button button--danger"
            disabled={remove.isPending}
            onClick={async () => {
              if (!window.confirm(t('indicators.confirmDelete', { name: i.name }))) return
              try {
                await remove.mutateAsync(i.version)
                navigate('/indicators', { state: { notice: t('indicators.deleted') } })
              } catch {
                /* shown below */
              }
            }}
          >
            {t('indicators.delete')}
          </button>
        </div>
      </div>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {remove.isError ? <ProblemAlert error={remove.error} /> : null}
      <section className="card" aria-labelledby="indicator-facts">
        <h2 id="indicator-facts" className="visually-hidden">{t('indicators.detailTitle')}</h2>
        {i.description ? <p className="pre-line">{i.description}</p> : null}
        <dl className="facts">
          <dt>{t('indicators.fields.code')}</dt><dd><code>{i.code}</code></dd>
          <dt>{t('indicators.fields.kind')}</dt><dd>{t(`indicators.kinds.${i.kind}`)}</dd>
          <dt>{t('indicators.fields.unit')}</dt><dd>{i.unit ?? na}</dd>
          <dt>{t('indicators.fields.decimals')}</dt><dd>{i.decimals}</dd>
          <dt>{t('indicators.fields.direction')}</dt><dd>{t(`indicators.directions.${i.direction}`)}</dd>
          <dt>{t('indicators.fields.aggregation')}</dt><dd>{t(`indicators.aggregations.${i.aggregation}`)}</dd>
          {i.rateFactor !== undefined && i.rateFactor !== null ? (<><dt>{t('indicators.fields.rateFactor')}</dt><dd>{i.rateFactor}</dd></>)
            : null}
          <dt>{t('indicators.fields.isProportion')}</dt><dd>{i.isProportion ? t('common.yes') : t('common.no')}</dd>
          {i.kind === 'rating' ? (
            <>
              <dt>{t('indicators.form.scale')}</dt>
              <dd>
                {i.scaleMin} – {i.scaleMax}
                {i.scaleLabels.length > 0 ? (
                  <ol className="inline-list">
                    {i.scaleLabels.map((l, n) => (
                      <li key={n}>{(i.scaleMin ?? 1) + n}: {l}</li>
                    ))}
                  </ol>
                ) : null}
              </dd>
            </>
          ) : null}
          <dt>{t('indicators.fields.updateInterval')}</dt><dd>{i.updateInterval ? t(`indicators.intervals.${i.updateInterval}`) : na}</dd>
          <dt>{t('indicators.fields.topic')}</dt><dd>{i.topic ?? na}</dd>
          <dt>{t('indicators.fields.source')}</dt><dd>{i.source ?? na}</dd>
        </dl>
      </section>
      <IndicatorAcrossSpaces indicator={i} />
      {exporting ? <ExportDialog initial={{ indicatorIds: [i.id] }} onClose={() => setExporting(false)} /> : null}
      <EntityHistory entityId={id} entity={indicatorHistory} />
    </>
  )
}
