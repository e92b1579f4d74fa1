import { describe, expect, it } from 'vitest'
import { exportFileName, localDate, slugify } from '../../../src/features/roster-export/file-names'

describe('export file names', () => {
  it('say the deal and the local date', () => {
    const now = new Date(2026, 11, 1, 23, 30)
    expect(localDate(now)).toBe('2026-12-01')
    expect(exportFileName({ id: 7, title: '123 Main St.' }, 'csv', now)).toBe(
      'roster-123-main-st-2026-12-01.csv',
    )
    expect(exportFileName({ id: 7, title: 'Café Öre' }, 'vcf', now)).toBe(
      'roster-cafe-ore-2026-12-01.vcf',
    )
  })

  it('fall back to the id when the title has no letters or digits (or is not known yet)', () => {
    const now = new Date(2026, 0, 5)
    expect(exportFileName({ id: 7, title: '東京' }, 'csv', now)).toBe(
      'roster-property-7-2026-01-05.csv',
    )
    expect(exportFileName({ id: 7 }, 'csv', now)).toBe('roster-property-7-2026-01-05.csv')
  })

  it('keep a slug short, with no dash at either end', () => {
    const slug = slugify(`--${'long title '.repeat(20)}`)
    expect(slug.length).toBeLessThanOrEqual(60)
    expect(slug).not.toMatch(/^-|-$/)
  })
})
