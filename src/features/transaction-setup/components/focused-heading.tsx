import { useEffect, useRef, type ReactNode } from 'react'

/** A heading that takes focus when it appears, so keyboard users land on the new step. */
export function FocusedHeading({ id, children }: { id: string; children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    ref.current?.focus()
  }, [])
  return (
    <h2 id={id} ref={ref} tabIndex={-1} className="focus-heading">
      {children}
    </h2>
  )
}
