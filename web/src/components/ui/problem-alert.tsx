import { useTranslation } from 'react-i18next'
import { Alert } from './feedback'
import { useProblemMessage } from './use-problem-message'

export function ProblemAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation()
  const message = useProblemMessage()
  return (
    <Alert tone="error" title={t('errors.title')}>
      <p>{message(error)}</p>
      {onRetry ? (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      ) : null}
    </Alert>
  )
}
