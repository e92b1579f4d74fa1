/** A file-name-safe slug: "123 Main St." → "123-main-st"; accents dropped, 60 characters at most. */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 60)
    .replace(/^-+|-+$/g, '')
}

/** The local calendar date, YYYY-MM-DD: the day the user exported on, where they are. */
export function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** "roster-123-main-st-2026-12-01.csv"; the property's id when its title has no letters or digits. */
export function exportFileName(
  property: { id: number; title?: string | undefined },
  extension: 'csv' | 'vcf',
  now: Date,
): string {
  const slug = slugify(property.title ?? '') || `property-${property.id}`
  return `roster-${slug}-${localDate(now)}.${extension}`
}
