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

test("the first load's and the first tap's scripts are compiled as they stream in", async ({
  request,
}) => {
  const page = await (await request.get('/properties/1')).text()
  const entry = /<script type="module"[^>]*src="([^"]+)"/.exec(page)?.[1]
  const warm = /<meta name="roster-warm-modules" content="([^"]*)"/.exec(page)?.[1]
  expect(entry).toMatch(/^\/assets\/.+\.js$/)
  const files = [entry ?? '', ...(warm ?? '').split(' ').filter(Boolean)]
  expect(files.length).toBeGreaterThan(1)
  for (const file of files) {
    const code = await (await request.get(file)).text()
    // V8 reads the hint on the first line only (src/server/compile-hints-plugin.ts).
    expect(code.split('\n', 1)[0], file).toBe('//# allFunctionsCalledOnLoad')
  }
})
