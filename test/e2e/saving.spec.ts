import { expect, test } from './fixtures';
import { Planner } from './planner';

for (const delayMs of [0, 50]) {
  test(`a name typed ${String(delayMs)} ms before the tab closes is kept`, async ({ shell, page, serve }) => {
    const planner = new Planner(page, shell);
    await planner.newSeries();
    await planner.expectSaved();
    const address = page.url();
    await page.getByLabel('Series name').fill('Board meeting');
    if (delayMs > 0) await page.waitForTimeout(delayMs);
    await page.close();

    const reopened = await page.context().newPage();
    await reopened.goto(serve.url);
    await reopened.goto(address);
    await expect(reopened.getByLabel('Series name')).toHaveValue('Board meeting');
  });
}
