import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, type WebhookSubscriptionDto } from '@/api'

const keys = {
  all: ['webhooks'] as const,
  deliveries: (id: string) => ['webhooks', id, 'deliveries'] as const,
}

/** Every subscription (administrators only; never their secrets). */
export function useSubscriptions() {
  return useQuery({ queryKey: keys.all, queryFn: () => api.listWebhookSubscriptions(500) })
}

/** The delivery log of one subscription, newest first. */
export function useDeliveries(id: string | null) {
  return useQuery({
    queryKey: keys.deliveries(id ?? ''),
    queryFn: () => api.listWebhookDeliveries(id!, 100),
    enabled: id !== null,
  })
}

function useWebhookMutation<T, R>(fn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient()
  return useMutation({ mutationFn: fn, onSettled: () => queryClient.invalidateQueries({ queryKey: keys.all }) })
}

/** A new subscription; the answer carries the secret, shown this once. */
export function useCreateSubscription() {
  return useWebhookMutation(({ url, eventTypes, description }: { url: string; eventTypes: string[]; description?: string }) =>
    api.createWebhookSubscription({ url, eventTypes, description: description || undefined }))
}

/** Pause or resume (If-Match with the version the list showed); resuming a disabled subscription retries its event at once. */
export function useSetActive() {
  return useWebhookMutation(({ subscription, active }: { subscription: WebhookSubscriptionDto; active: boolean }) =>
    api.updateWebhookSubscription(subscription.id, `"${subscription.version}"`, {
      url: subscription.url, eventTypes: subscription.eventTypes, description: subscription.description, active,
    }))
}

export function usePing() {
  return useWebhookMutation((id: string) => api.pingWebhookSubscription(id))
}

export function useRedeliver() {
  return useWebhookMutation(({ id, deliveryId }: { id: string; deliveryId: string }) => api.redeliverWebhookDelivery(id, deliveryId))
}

/** "actor.create, space.*" → ["actor.create", "space.*"]. */
export function parseEventTypes(text: string): string[] {
  return text.split(/[\s,;]+/).map((s) => s.trim()).filter((s) => s.length > 0)
}
