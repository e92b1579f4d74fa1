import { expect, test } from './fixtures'

test('the properties list renders from the mock backend', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1, name: 'Properties' })).toBeVisible()
  const table = page.getByRole('table')
  // A full first page of seeded properties, each a link to its detail page.
  await expect(table.getByRole('row')).toHaveCount(21)
  const firstLink = table.getByRole('link').first()
  await expect(firstLink).toHaveAttribute('href', /^\/properties\/\d+$/)

  await page.getByRole('searchbox', { name: 'Search properties' }).fill('zzzz-no-such-property')
  await expect(page.getByText('No properties match “zzzz-no-such-property”.')).toBeVisible()
  await expect(page).toHaveURL(/\?q=zzzz-no-such-property$/)
})
