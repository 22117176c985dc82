import { useState } from 'react'
import { createBrowserRouter } from 'react-router'
import { RouterProvider } from 'react-router/dom'
import { currentUserQuery } from '@/lib/auth'
import { createAppQueryClient } from '@/lib/query-client'
import { AppProvider } from './provider'
import { routes } from './router'

// These start as this module is evaluated, side by side with the texts: the session is asked for, and the router downloads
// the page's chunk and (where a route has a loader that prefetches) the page's first reads, all at once rather than one
// after the other (Lighthouse, issue 14).
const startupClient = createAppQueryClient()
const router = createBrowserRouter(routes)
void startupClient.prefetchQuery(currentUserQuery)

export function App() {
  const [queryClient] = useState(() => startupClient)
  return (
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>
  )
}
