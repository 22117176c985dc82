import { useEffect, useRef, useState } from 'react'

/**
 * Whether the element has come within `margin` of the viewport (and stays true from then on): a long page draws and
 * loads what is below the fold only as it is scrolled towards, not all on its first paint. Without IntersectionObserver
 * (older browsers, tests) everything counts as near.
 */
export function useNearViewport<T extends Element>(margin = '600px') {
  const ref = useRef<T>(null)
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined')
  useEffect(() => {
    const el = ref.current
    if (near || !el) return
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        setNear(true)
        observer.disconnect()
      }
    }, { rootMargin: margin })
    observer.observe(el)
    return () => observer.disconnect()
  }, [near, margin])
  return [ref, near] as const
}
