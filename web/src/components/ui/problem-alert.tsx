import { useTranslation } from 'react-i18next'
import { isTransient } from '@/api/problem'
import { Alert } from './feedback'
import { useProblemMessage } from './use-problem-message'

/** An API error in the UI language; "try again" only where repeating the request can help ({@link isTransient}). */
export function ProblemAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation()
  const message = useProblemMessage()
  return (
    <Alert tone="error" title={t('errors.title')}>
      <p>{message(error)}</p>
      {onRetry && isTransient(error) ? (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      ) : null}
    </Alert>
  )
}
