import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Loading } from '@/components/ui/feedback'
import { ProblemAlert } from '@/components/ui/problem-alert'
import { useNetworkCalendarToken } from '../api/networks'
import '../networks.css'

/**
 * The network's meetings as a calendar subscription: the feed address (with its secret token)
 * is fetched only when asked for, shown read-only with a copy button and a webcal: link.
 */
export function CalendarFeed({ networkId }: { networkId: string }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const [copied, setCopied] = useState<'ok' | 'failed' | null>(null)
  const token = useNetworkCalendarToken(networkId, open)
  const inputId = useId()
  const panelId = useId()

  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url)
      setCopied('ok')
    } catch {
      setCopied('failed')
    }
  }

  return (
    <div className="calendar-feed">
      <button type="button" className="button button--secondary" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((v) => !v)}>
        {t('networks.calendar.subscribe')}
      </button>
      <div id={panelId} hidden={!open} className="calendar-feed__panel">
        {!open ? null : token.isPending ? (
          <Loading />
        ) : token.isError ? (
          <ProblemAlert error={token.error} onRetry={() => void token.refetch()} />
        ) : (
          <>
            <p>{t('networks.calendar.explain')}</p>
            <div className="field">
              <label htmlFor={inputId} className="field__label">
                {t('networks.calendar.url')}
              </label>
              <div className="input-group">
                <input id={inputId} className="input" readOnly value={token.data.url} onFocus={(e) => e.currentTarget.select()} />
                <button type="button" className="button button--primary" onClick={() => void copy(token.data.url)}>
                  {t('networks.calendar.copy')}
                </button>
              </div>
            </div>
            <p role="status" className="small">
              {copied === 'ok' ? t('networks.calendar.copied') : copied === 'failed' ? t('networks.calendar.copyFailed') : ''}
            </p>
            <p>
              <a href={token.data.webcalUrl}>{t('networks.calendar.openInApp')}</a>
            </p>
            <p className="hint">{t('networks.calendar.secret')}</p>
          </>
        )}
      </div>
    </div>
  )
}
