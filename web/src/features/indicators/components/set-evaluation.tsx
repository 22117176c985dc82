import { useTranslation } from 'react-i18next'
import { AttainmentStatus, Judgement, type ComparisonDto, type IndicatorEvaluation, type IndicatorSetEvaluation } from '@/api'
import { formatValue } from '../format-value'
import { ValueText } from './value-text'
import '../indicators.css'

/**
 * The set evaluated for one space and period, as the platform computes it: each indicator's value (measured or computed
 * from the spaces below), its change against the previous period and the baseline, whether the target is reached or on
 * track, and how the space stands against the reference space. A table, so it reads well with a screen reader.
 */
export function SetEvaluation({ evaluation }: { evaluation: IndicatorSetEvaluation }) {
  const { t } = useTranslation()
  const reference = evaluation.referenceSpaceName
  return (
    <div className="table-wrap" tabIndex={0}>
      <table className="table evaluation-table">
        <caption className="visually-hidden">{
          t('indicators.evaluation.caption', { space: evaluation.spaceName, period: evaluation.period })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('indicators.evaluation.indicator')}</th>
            <th scope="col" className="num">{t('indicators.evaluation.value', { period: evaluation.period })}</th>
            <th scope="col" className="num">{t('indicators.evaluation.previous')}</th>
            <th scope="col" className="num">{t('indicators.evaluation.baseline')}</th>
            <th scope="col" className="num">{t('indicators.evaluation.target')}</th>
            <th scope="col">{t('indicators.evaluation.attainment')}</th>
            {reference ? <th scope="col" className="num">{t('indicators.evaluation.reference', { name: reference })}</th> : null}
          </tr>
        </thead>
        <tbody>
          {evaluation.items.map((item) => (
            <EvaluationRow key={item.indicatorId} item={item} withReference={!!reference} />
          ))}
        </tbody>
      </table>
    </div>
  )
}

function EvaluationRow({ item, withReference }: { item: IndicatorEvaluation; withReference: boolean }) {
  const { t, i18n } = useTranslation()
  const value = item.value
  const number = (v: number | undefined) => (v === undefined ? '–' : formatValue(v, item.decimals, i18n.language))
  return (
    <tr>
      <th scope="row">{item.name}</th>
      <td className="num">
        <ValueText value={value?.value} decimals={item.decimals} unit={item.unit} suppressed={value?.suppressed} />
        {value?.aggregated ? (
          <span className="muted evaluation-table__note">
            {value.coverage
              ? t('indicators.space.computedFrom', { parts: value.coverage.parts, of: value.coverage.of })
              : t('indicators.evaluation.aggregated', { count: value.count })}
          </span>
        ) : null}
      </td>
      <td className="num"><Change comparison={item.changeFromPrevious} decimals={item.decimals} /></td>
      <td className="num">
        {item.baseline ? (
          <>
            <span className="muted evaluation-table__note">{
              t('indicators.evaluation.periodValue', { period: item.baseline.period, value: number(item.baseline.value) })}</span>
            <Change comparison={item.changeFromBaseline} decimals={item.decimals} />
          </>
        ) : (
          <span className="muted">–</span>
        )}
      </td>
      <td className="num">
        {item.target ? t('indicators.evaluation.periodValue', { period: item.target.period, value: number(item.target.value) }) : <span
          className="muted">–</span>}
      </td>
      <td>{item.attainment ? <Attainment status={item.attainment} /> : <span className="muted">–</span>}</td>
      {withReference ? (
        <td className="num">
          <ValueText value={item.reference?.value} decimals={item.decimals} unit={item.unit} suppressed={item.reference?.suppressed} />
          {item.referenceIncomplete ? <span className="muted evaluation-table__note">{t('indicators.evaluation.referenceIncomplete')}</span> : null}
          {item.comparison ? (
            <span className="evaluation-table__note">
              {t(`indicators.evaluation.position.${item.comparison.position}`)}
              {item.comparison.judgement !== Judgement.NotJudged && item.comparison.judgement !== Judgement.Same
                ? ` (${t(`indicators.evaluation.judgement.${item.comparison.judgement}`)})`
                : ''}
            </span>
          ) : null}
        </td>
      ) : null}
    </tr>
  )
}

/** A signed difference with the judgement by the indicator's direction (better / worse), in words as well as colour. */
function Change({ comparison, decimals }: { comparison?: ComparisonDto; decimals: number }) {
  const { t, i18n } = useTranslation()
  if (!comparison) return <span className="muted">–</span>
  const sign = comparison.difference > 0 ? '+' : comparison.difference < 0 ? '−' : '±'
  const judged = comparison.judgement === Judgement.Better || comparison.judgement === Judgement.Worse
  return (
    <span className={judged ? `change change--${comparison.judgement}` : 'change'}>
      {sign}
      {formatValue(Math.abs(comparison.difference), decimals, i18n.language)}
      {judged ? <span className="evaluation-table__note">{t(`indicators.evaluation.judgement.${comparison.judgement}`)}</span> : null}
    </span>
  )
}

function Attainment({ status }: { status: AttainmentStatus }) {
  const { t } = useTranslation()
  return <span className={`attainment attainment--${status}`}>{t(`indicators.evaluation.attainmentStatus.${status}`)}</span>
}
