/** The page's own heading: the first h1 in the main landmark. */
export function findPageHeading(): HTMLElement | null {
  return document.querySelector<HTMLElement>('main h1')
}

/**
 * Moves focus to the page's h1 (or, without one, to the main landmark), made
 * focusable from script only, so it is not a tab stop.
 */
export function focusPageHeading(): HTMLElement | null {
  const target = findPageHeading() ?? document.querySelector<HTMLElement>('main')
  if (!target) return null
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1')
  target.focus()
  return document.activeElement === target ? target : null
}
