import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { toProblem } from '@/api'
import { useProblemMessage } from '@/components/ui/use-problem-message'
import { useVerifyService } from '../api/inventory'

/**
 * "Als geprüft markieren" for one service, with If-Match on the version the user saw. Says what happened in a live
 * region; on 412 (changed meanwhile) it asks to check again after the reload.
 */
export function VerifyButton({ serviceId, version, name, onVerified }: { serviceId: string; version: number; name: string;
  onVerified?: () => void }) {
  const { t } = useTranslation()
  const verify = useVerifyService()
  const describe = useProblemMessage()
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null)
  return (
    <span className="verify">
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={verify.isPending}
        aria-describedby={message ? `verify-${serviceId}` : undefined}
        onClick={async () => {
          setMessage(null)
          try {
            await verify.mutateAsync({ id: serviceId, version })
            setMessage({ tone: 'ok', text: t('inventory.service.verified', { name }) })
            onVerified?.()
          } catch (err) {
            const stale = toProblem(err).status === 412
            setMessage({ tone: 'error', text: stale ? t('inventory.verification.stale') : describe(err) })
          }
        }}
      >
        {verify.isPending ? t('inventory.service.verifying') : t('inventory.service.verify')}
        <span className="visually-hidden">: {name}</span>
      </button>
      <span id={`verify-${serviceId}`} role="status"
        className={message?.tone === 'error' ? 'verify__message field__error' : 'verify__message'}>
        {message?.text ?? ''}
      </span>
    </span>
  )
}
