// How long a text is, counted the way the zod schemas' length limits count it: in
// Unicode code points, so an emoji is one character, not the two UTF-16 units
// `String#length` sees (a lone surrogate counts as one, as it does for zod).
const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g

/** The number of characters (code points) in `text`: what a `maxLength` limit counts. */
export function characterCount(text: string): number {
  return text.length - (text.match(SURROGATE_PAIR)?.length ?? 0)
}
