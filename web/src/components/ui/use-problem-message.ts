import { useTranslation } from 'react-i18next'
import { toProblem } from '@/api/problem'

/** Human message for an API error: known statuses in the UI language, the server's detail as extra. */
export function useProblemMessage() {
  const { t } = useTranslation()
  return (err: unknown): string => {
    const p = toProblem(err)
    if (p.network) return t('errors.network')
    switch (p.status) {
      case 401:
        return t('errors.unauthorized')
      case 403:
        return t('errors.forbidden')
      case 404:
        return t('errors.notFound')
      case 409:
        return p.detail ? t('errors.conflictWithDetail', { detail: p.detail }) : t('errors.conflict')
      case 412:
        return t('errors.stale')
      case 429:
        return t('errors.tooManyRequests')
      default:
        if (p.status >= 500) return t('errors.server')
        if (p.status === 400) return p.detail ? t('errors.badRequestWithDetail', { detail: p.detail }) : t('errors.badRequest')
        return t('errors.unknown')
    }
  }
}
