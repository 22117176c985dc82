import type { RouteObject } from 'react-router'

// Account administration (administrators only), spread into the app's route table.
export const userRoutes: RouteObject[] = [
  { path: 'admin/users', lazy: async () => ({ Component: (await import('./routes/users-page')).UsersPage }) },
  { path: 'admin/api-keys', lazy: async () => ({ Component: (await import('./routes/api-keys-page')).ApiKeysPage }) },
]
