import { z } from 'zod'

// The API's Content-Security-Policy allows no eval (script-src 'self'). Without this, zod probes for eval with
// `new Function('')` when it builds object schemas, which the browser reports as a CSP violation. Every schema imports
// zod from here (never from 'zod'; zod.test checks it), so the setting is made before any schema is defined, and zod is
// downloaded with the first page that has a form rather than on the first paint.
z.config({ jitless: true })

export { z }
