import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Navigate } from 'react-router'
import { Role, type WebhookDeliveryDto, type WebhookSubscriptionDto } from '@/api'
import { Alert, Loading } from '@/components/ui/feedback'
import { ProblemAlert } from '@/components/ui/problem-alert'
import { useCurrentUser } from '@/lib/auth'
import { usePageTitle } from '@/lib/use-page-title'
import {
  parseEventTypes, useCreateSubscription, useDeliveries, usePing, useRedeliver, useSetActive, useSubscriptions,
} from '../api/webhooks'

/**
 * Verwaltung › Webhooks (administrators): the subscriptions with their state (active, paused, disabled with the reason),
 * a form for a new one (its secret is shown once), a test event, and each subscription's delivery log with "erneut zustellen".
 */
export function WebhooksPage() {
  const { t } = useTranslation()
  usePageTitle(t('webhooks.title'))
  const me = useCurrentUser()
  const subscriptions = useSubscriptions()
  const [selected, setSelected] = useState<string | null>(null)
  if (me.data && me.data.role !== Role.Admin) return <Navigate to="/" replace />
  const current = subscriptions.data?.items.find((s) => s.id === selected) ?? null
  return (
    <>
      <h1>{t('webhooks.title')}</h1>
      <p className="lead">{t('webhooks.intro')}</p>
      <NewSubscription />
      <section className="card" aria-labelledby="webhooks-list">
        <h2 id="webhooks-list">{t('webhooks.list')}</h2>
        {subscriptions.isPending ? <Loading /> : subscriptions.isError ? (
          <ProblemAlert error={subscriptions.error} onRetry={() => void subscriptions.refetch()} />
        ) : subscriptions.data.items.length === 0 ? <p>{t('webhooks.none')}</p> : (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">{t('webhooks.list')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('webhooks.url')}</th>
                  <th scope="col">{t('webhooks.eventTypes')}</th>
                  <th scope="col">{t('webhooks.state')}</th>
                  <th scope="col">{t('webhooks.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {subscriptions.data.items.map((s) => (
                  <SubscriptionRow key={s.id} subscription={s} shown={s.id === selected}
                    onShow={() => setSelected(s.id === selected ? null : s.id)} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {current ? <DeliveryLog subscription={current} /> : null}
    </>
  )
}

function NewSubscription() {
  const { t } = useTranslation()
  const ids = { url: useId(), types: useId(), description: useId(), typesHint: useId() }
  const [url, setUrl] = useState('')
  const [types, setTypes] = useState('*')
  const [description, setDescription] = useState('')
  const create = useCreateSubscription()

  function submit(e: FormEvent) {
    e.preventDefault()
    create.mutate({ url: url.trim(), eventTypes: parseEventTypes(types), description: description.trim() }, {
      onSuccess: () => {
        setUrl('')
        setDescription('')
      },
    })
  }

  return (
    <section className="card" aria-labelledby="webhooks-new">
      <h2 id="webhooks-new">{t('webhooks.new')}</h2>
      {create.data ? (
        <Alert tone="success" title={t('webhooks.created')}>
          <p>{t('webhooks.secretOnce')}</p>
          <p><code>{create.data.secret}</code></p>
        </Alert>
      ) : null}
      {create.error ? <ProblemAlert error={create.error} /> : null}
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor={ids.url}>{t('webhooks.url')}</label>
          <input id={ids.url} className="input" type="url" required maxLength={500} value={url} onChange={(e) => setUrl(e.target.value)}
            placeholder="https://partner.example/raumnetz" />
        </div>
        <div className="field">
          <label htmlFor={ids.types}>{t('webhooks.eventTypes')}</label>
          <input id={ids.types} className="input" required value={types} aria-describedby={ids.typesHint}
            onChange={(e) => setTypes(e.target.value)} />
          <p id={ids.typesHint} className="field__hint">{t('webhooks.eventTypesHint')}</p>
        </div>
        <div className="field">
          <label htmlFor={ids.description}>{t('webhooks.description')}</label>
          <input id={ids.description} className="input" maxLength={500} value={description}
            onChange={(e) => setDescription(e.target.value)} />
        </div>
        <button type="submit" className="button" disabled={create.isPending}>{t('webhooks.create')}</button>
      </form>
    </section>
  )
}

function SubscriptionRow({ subscription: s, shown, onShow }: { subscription: WebhookSubscriptionDto; shown: boolean; onShow: () => void }) {
  const { t } = useTranslation()
  const setActive = useSetActive()
  const ping = usePing()
  const name = s.description || s.url
  return (
    <tr>
      <td>
        <span className="webhooks__url">{s.url}</span>
        {s.description ? <><br />{s.description}</> : null}
      </td>
      <td>{s.eventTypes.join(', ')}</td>
      <td>
        {s.active ? (s.attempts > 0 ? t('webhooks.retrying', { attempts: s.attempts }) : t('webhooks.active'))
          : t('webhooks.disabled')}
        {!s.active && s.disabledReason ? <><br /><span>{s.disabledReason}</span></> : null}
        {setActive.error ? <ProblemAlert error={setActive.error} /> : null}
        {ping.data ? (
          <p role="status">{ping.data.succeeded ? t('webhooks.pingOk', { status: ping.data.statusCode })
            : t('webhooks.pingFailed', { reason: ping.data.statusCode ?? ping.data.error ?? '' })}</p>
        ) : null}
        {ping.error ? <ProblemAlert error={ping.error} /> : null}
      </td>
      <td>
        <div className="row-actions">
          <button type="button" className="button button--secondary" aria-expanded={shown} onClick={onShow}>
            {t('webhooks.showLog', { name })}
          </button>
          <button type="button" className="button button--secondary" disabled={ping.isPending} onClick={() => ping.mutate(s.id)}>
            {t('webhooks.ping', { name })}
          </button>
          <button type="button" className="button button--secondary" disabled={setActive.isPending}
            onClick={() => setActive.mutate({ subscription: s, active: !s.active })}>
            {s.active ? t('webhooks.pause', { name }) : t('webhooks.resume', { name })}
          </button>
        </div>
      </td>
    </tr>
  )
}

function DeliveryLog({ subscription }: { subscription: WebhookSubscriptionDto }) {
  const { t, i18n } = useTranslation()
  const deliveries = useDeliveries(subscription.id)
  const redeliver = useRedeliver()
  const name = subscription.description || subscription.url
  const time = (d: WebhookDeliveryDto) =>
    new Date(d.attemptedAt).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'medium' })
  return (
    <section className="card" aria-labelledby="webhooks-log">
      <h2 id="webhooks-log">{t('webhooks.log', { name })}</h2>
      {redeliver.data ? (
        <Alert tone={redeliver.data.succeeded ? 'success' : 'warning'}>
          {redeliver.data.succeeded ? t('webhooks.redelivered', { event: redeliver.data.eventId })
            : t('webhooks.redeliverFailed', { event: redeliver.data.eventId })}
        </Alert>
      ) : null}
      {redeliver.error ? <ProblemAlert error={redeliver.error} /> : null}
      {deliveries.isPending ? <Loading /> : deliveries.isError ? <ProblemAlert error={deliveries.error} /> :
        deliveries.data.items.length === 0 ? <p>{t('webhooks.noDeliveries')}</p> : (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">{t('webhooks.log', { name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('webhooks.time')}</th>
                  <th scope="col">{t('webhooks.event')}</th>
                  <th scope="col">{t('webhooks.attempt')}</th>
                  <th scope="col">{t('webhooks.result')}</th>
                  <th scope="col">{t('webhooks.duration')}</th>
                  <th scope="col">{t('webhooks.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {deliveries.data.items.map((d) => (
                  <tr key={d.id}>
                    <td>{time(d)}</td>
                    <td>{d.eventType}<br /><code>{d.eventId}</code></td>
                    <td>{d.attempt}{d.manual ? ` (${t('webhooks.manual')})` : ''}</td>
                    <td>
                      {d.succeeded ? t('webhooks.ok') : t('webhooks.failed')}
                      {d.statusCode ? ` · HTTP ${d.statusCode}` : ''}
                      {d.error ? <><br />{d.error}</> : null}
                      {d.responseExcerpt ? <><br /><code className="webhooks__excerpt">{d.responseExcerpt}</code></> : null}
                    </td>
                    <td>{t('webhooks.ms', { ms: d.durationMs })}</td>
                    <td>
                      <button type="button" className="button button--secondary" disabled={redeliver.isPending}
                        onClick={() => redeliver.mutate({ id: subscription.id, deliveryId: d.id })}>
                        {t('webhooks.redeliver', { event: d.eventId, time: time(d) })}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
    </section>
  )
}
