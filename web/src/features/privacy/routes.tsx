import type { RouteObject } from 'react-router'

// The data-protection page (Datenschutz), spread into the app's route table.
export const privacyRoutes: RouteObject[] = [
  { path: 'privacy', lazy: async () => ({ Component: (await import('./routes/privacy-page')).PrivacyPage }) },
]
