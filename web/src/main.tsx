import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { i18nReady } from '@/lib/i18n'
import './styles/index.css'
import { App } from './app/app'

// The chosen language's texts first (English is downloaded only when chosen), then the app.
void i18nReady.finally(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
)
