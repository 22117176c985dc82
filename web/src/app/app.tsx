import { useState } from 'react'
import { createBrowserRouter } from 'react-router'
import { RouterProvider } from 'react-router/dom'
import { currentUserQuery } from '@/lib/auth'
import { createQueryClient } from '@/lib/query-client'
import { AppProvider } from './provider'
import { routes } from './router'

// Both start as this module is evaluated, side by side with the texts: the router downloads the page's chunk and the
// session is asked for, so that the page's own requests follow one round trip earlier (Lighthouse, issue 14).
const router = createBrowserRouter(routes)
const startupClient = createQueryClient()
void startupClient.prefetchQuery(currentUserQuery)

export function App() {
  const [queryClient] = useState(() => startupClient)
  return (
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>
  )
}
