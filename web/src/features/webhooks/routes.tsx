import type { RouteObject } from 'react-router'

// Webhook administration (administrators only), spread into the app's route table.
export const webhookRoutes: RouteObject[] = [
  { path: 'admin/webhooks', lazy: async () => ({ Component: (await import('./routes/webhooks-page')).WebhooksPage }) },
]
