// The leads list (L6–L8): a saved view comes back after a reload, the column order chosen in
// the table settings is kept, and a mass update assigns selected leads after a dry run.
import { expect, test, type Page } from '@playwright/test';
import { pickOption, signIn } from './helpers';
import { adminPassword, seededLeads } from './seed';

test.beforeEach(async ({ page }) => {
  await signIn(page, 'admin', adminPassword);
});

/** The list's column titles, left to right. */
async function columnTitles(page: Page): Promise<string[]> {
  const titles = await page.getByTestId('lead-table').locator('thead th').allInnerTexts();
  return titles.map((title) => title.trim()).filter(Boolean);
}

test('a saved view is kept and, picked again after a reload, applies its filter', async ({ page }) => {
  const viewName = 'Khách ở Huế';
  const table = page.getByTestId('lead-table');
  await page.getByTestId('filter-more').click();
  await page.getByTestId('filter-province').fill('Huế');
  await page.getByTestId('more-filters-apply').click();
  await expect(page).toHaveURL(/[?&]province=Hu%E1%BA%BF/);
  await expect(page.getByTestId('lead-total')).toHaveText('Tổng số: 2');

  await page.getByTestId('view-save').click();
  await page.getByTestId('view-name').fill(viewName);
  await page.getByTestId('view-shared').check();
  await page.getByTestId('view-save-ok').click();
  await expect(page.getByTestId('view-select')).toContainText(viewName);

  await page.goto('/leads');
  await page.reload();
  await expect(page.getByTestId('lead-total')).not.toHaveText('Tổng số: 2');
  await pickOption(page, page.getByTestId('view-select'), viewName, 'Huế');

  await expect(page).toHaveURL(/[?&]view_id=\d+/);
  await expect(page.getByTestId('lead-total')).toHaveText('Tổng số: 2');
  await expect(table.getByRole('link', { name: seededLeads.hueOne.full_name })).toBeVisible();
  await expect(table.getByRole('link', { name: seededLeads.hueTwo.full_name })).toBeVisible();
  await page.getByTestId('filter-more').click();
  await expect(page.getByTestId('filter-province')).toHaveValue('Huế');
});

test('moving "Email" before "Di động" in the table settings is kept after a reload', async ({ page }) => {
  // The header is read once the table has its columns (the sign-in lands before the list loads).
  await expect.poll(async () => columnTitles(page)).toContain('Email');
  const before = await columnTitles(page);
  expect(before.indexOf('Di động')).toBeLessThan(before.indexOf('Email'));

  await page.getByTestId('table-settings').click();
  const handle = page.getByTestId('column-choice-email').getByTestId('column-drag');
  const mobile = page.getByTestId('column-choice-mobile');
  // Hovering first waits for the drawer to finish sliding in. Then Email goes up a few pixels at
  // a time until "Di động" moves down to make room for it, and is dropped there.
  await handle.hover();
  const start = await handle.boundingBox();
  const mobileAt = await mobile.boundingBox();
  if (!start || !mobileAt) throw new Error('the column choices are not on screen');
  await page.mouse.down();
  for (let dy = 4; dy <= 2 * mobileAt.height; dy += 4) {
    await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2 - dy);
    if (((await mobile.boundingBox())?.y ?? 0) > mobileAt.y + mobileAt.height / 2) break;
  }
  await page.mouse.up();
  const choices = page.getByTestId('column-choices').locator('[data-testid^="column-choice-"]');
  await expect(choices.nth(1)).toHaveAttribute('data-testid', 'column-choice-email');
  await expect(choices.nth(2)).toHaveAttribute('data-testid', 'column-choice-mobile');
  // dnd-kit swallows every click for 50 ms after a drop (a person is never that quick; the
  // test can be): click until the drawer goes.
  const apply = page.getByTestId('columns-apply');
  await expect(async () => {
    if (await apply.isVisible()) await apply.click({ timeout: 1_000 });
    await expect(page.getByTestId('column-choices')).toBeHidden({ timeout: 1_000 });
  }).toPass({ timeout: 10_000 });

  const expected = ['Họ và tên', 'Email', 'Di động'];
  await expect.poll(async () => (await columnTitles(page)).slice(0, 3)).toEqual(expected);
  await page.reload();
  await expect(page.getByTestId('lead-table')).toBeVisible();
  await expect.poll(async () => (await columnTitles(page)).slice(0, 3)).toEqual(expected);
});

test('three selected leads are assigned to agent.an after the dry run says how many will change', async ({
  page,
}) => {
  const names = [seededLeads.massOne, seededLeads.massTwo, seededLeads.massThree].map((lead) => lead.full_name);
  const table = page.getByTestId('lead-table');
  await page.goto(`/leads?q=${encodeURIComponent('Hải Âu')}`);
  await expect(page.getByTestId('lead-total')).toHaveText('Tổng số: 3');
  for (const name of names) {
    await table.getByRole('row').filter({ hasText: name }).getByRole('checkbox').check();
  }
  await expect(page.getByTestId('selected-count')).toHaveText('Đã chọn 3 khách hàng');

  await page.getByTestId('mass-update-open').click();
  await expect(page.getByRole('radio', { name: 'Các dòng đã chọn (3)' })).toBeChecked();
  await pickOption(page, page.getByTestId('mass-update-owner'), 'Trần Văn An');
  await page.getByTestId('mass-update-preview').click();
  await expect(page.getByTestId('mass-update-count')).toHaveText('3 khách hàng sẽ được cập nhật');
  await page.getByTestId('mass-update-confirm').click();
  await expect(page.getByTestId('mass-update-count')).toBeHidden();
  await expect(page.locator('.ant-message')).toContainText('Đã cập nhật 3 khách hàng.');

  for (const name of names) {
    await expect(table.getByRole('row').filter({ hasText: name })).toContainText('Trần Văn An');
  }
  await expect(page.getByTestId('selected-count')).toBeHidden();
});

test('an agent sees no row selection and no mass update', async ({ page, browser, baseURL }) => {
  await expect(page.getByTestId('mass-update-open')).toBeVisible();
  const agent = await browser.newContext({ baseURL });
  const agentPage = await agent.newPage();
  await signIn(agentPage, 'agent.an', 'agent-pass-123');
  await expect(agentPage.getByTestId('lead-table')).toBeVisible();
  await expect(agentPage.getByTestId('mass-update-open')).toHaveCount(0);
  await expect(agentPage.getByTestId('lead-table').getByRole('checkbox')).toHaveCount(0);
  await agent.close();
});
