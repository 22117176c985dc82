import { z } from 'zod'

// The API's Content-Security-Policy allows no eval (script-src 'self'). Without this, zod probes for eval with
// `new Function('')` when it builds object schemas, which the browser reports as a CSP violation. Imported first in
// main.tsx, before any schema is defined (zod reads the setting when a schema is created).
z.config({ jitless: true })
