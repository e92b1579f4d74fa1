// An alphabetical order for names and role labels that needs no Intl.Collator.
//
// The first Intl object a page creates loads the locale data of ICU on the main thread:
// about 25 ms on a fast machine, 100 ms on a phone, which the property page would pay
// in the middle of hydrating its roster. For the names on a roster, folding case and
// accents and then comparing code points gives the order the en-US collator gives
// (tests/lib/text-order.test.ts holds the two side by side); the server sorts with the
// same function, so a server-rendered roster is in the order the browser keeps.

// Latin letters that do not decompose into a base letter and a mark.
const LETTERS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
}
const MARKS = /[\u0300-\u036f]/g
const SPECIAL = /[ßæœøłđðþı]/g

/** Lower case, without accents: "Zoë Ødegård" → "zoe odegard". */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(SPECIAL, (letter) => LETTERS[letter] ?? letter)
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Alphabetical: case and accents count only between texts that are otherwise equal. */
export function compareText(a: string, b: string): number {
  if (a === b) return 0
  // Lower case first between texts equal but for case, as the collator puts them.
  return (
    byCodePoint(foldText(a), foldText(b)) ||
    byCodePoint(a.normalize('NFD').toLowerCase(), b.normalize('NFD').toLowerCase()) ||
    -byCodePoint(a, b)
  )
}
