// "Did you mean …?" for a contact search that found no one: the API searches by
// substring only, so a typo finds nothing. A broader search (the start of a word,
// which a typo later in it leaves intact) brings candidates, and the ones whose
// names are a few edits away from what was typed are offered.

interface Named {
  first_name: string
  last_name: string
}

/** Lower case, accents off, spaces collapsed: "  JÖRDAN  Smith" → "jordan smith". */
export function normalizeName(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim()
}

/**
 * Edits (insert, delete, substitute, swap two neighbours) that turn `a` into `b`:
 * the optimal string alignment distance, on code points.
 */
export function editDistance(a: string, b: string): number {
  const s = Array.from(a)
  const t = Array.from(b)
  // Rows i-2, i-1 and i of the dynamic-programming table.
  let before = new Array<number>(t.length + 1).fill(0)
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j)
  for (let i = 1; i <= s.length; i++) {
    const current = [i]
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1
      let best = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      )
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        best = Math.min(best, (before[j - 2] ?? 0) + 1)
      }
      current.push(best)
    }
    before = previous
    previous = current
  }
  return previous[t.length] ?? 0
}

/** The words to search for candidates: the start of the first and last word (3 letters),
 * and for a single word its end too. */
export function broaderSearches(term: string): string[] {
  const words = normalizeName(term)
    .split(' ')
    .filter((word) => Array.from(word).length >= 3)
  const first = words[0]
  const last = words.at(-1)
  if (first === undefined || last === undefined) return []
  const start = (word: string) => Array.from(word).slice(0, 3).join('')
  const searches =
    words.length === 1
      ? [start(first), Array.from(first).slice(-3).join('')]
      : [start(first), start(last)]
  return [...new Set(searches)]
}

/**
 * The candidates whose name (full, first or last) is closest to `term`, within about
 * one edit in four characters, closest first, at most `max`.
 */
export function closestNames<T extends Named>(
  term: string,
  candidates: readonly T[],
  max = 3,
): T[] {
  const wanted = normalizeName(term)
  const length = Array.from(wanted).length
  if (length < 3) return []
  const allowed = Math.max(1, Math.floor(length / 4))
  const scored: { candidate: T; distance: number; name: string }[] = []
  for (const candidate of candidates) {
    const first = normalizeName(candidate.first_name)
    const last = normalizeName(candidate.last_name)
    const name = normalizeName(`${first} ${last}`)
    const distance = Math.min(
      editDistance(wanted, name),
      editDistance(wanted, first),
      editDistance(wanted, last),
    )
    if (distance <= allowed) scored.push({ candidate, distance, name })
  }
  return scored
    .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name, 'en'))
    .slice(0, max)
    .map((entry) => entry.candidate)
}
