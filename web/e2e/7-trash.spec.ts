// L14: an admin deletes a lead, or a target; it waits in the trash with its deletion date and comes
// back on restore.
import { expect, test } from '@playwright/test';
import { seededLeadId, signIn } from './helpers';
import { adminPassword, seededLeads } from './seed';

test('a deleted lead is found in the trash and restored', async ({ page }) => {
  const name = seededLeads.trashed.full_name;
  await signIn(page, 'admin', adminPassword);
  await page.goto(`/leads/${seededLeadId('trashed')}`);
  await page.getByTestId('lead-delete').click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: 'Xóa' }).click();
  await expect(page).toHaveURL(/\/leads$/);

  await page.getByTestId('main-menu').getByRole('link', { name: 'Thùng rác' }).click();
  await expect(page).toHaveURL(/\/trash$/);
  const row = page.getByTestId('trash-table').getByRole('row').filter({ hasText: name });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
  await row.getByTestId('trash-restore').click();
  await expect(page.locator('.ant-message')).toContainText('Đã khôi phục 1 khách hàng.');
  await expect(row).toHaveCount(0);

  await page.goto(`/leads?q=${encodeURIComponent(name)}`);
  await page.getByTestId('lead-table').getByRole('link', { name }).click();
  await expect(page.getByTestId('lead-name')).toHaveText(name);
  await expect(page.getByText('Khách hàng tiềm năng này đã bị xóa.')).toHaveCount(0);
});

test('a deleted target waits in the trash under Targets and comes back', async ({ page, request }) => {
  const login = await request.post('/api/auth/login', { data: { username: 'admin', password: adminPassword } });
  const csrf = ((await login.json()) as { csrf_token: string }).csrf_token;
  const name = 'Target Thùng Rác';
  const made = await request.post('/api/targets', {
    headers: { 'X-CSRF-Token': csrf },
    data: { full_name: name, mobile: '0977 000 714', allow_duplicate: true },
  });
  expect(made.status(), await made.text()).toBe(201);
  const id = ((await made.json()) as { id: number }).id;

  await signIn(page, 'admin', adminPassword);
  await page.goto(`/targets/${id}`);
  await page.getByTestId('target-delete').click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: 'Xóa' }).click();
  await expect(page).toHaveURL(/\/targets$/);

  await page.goto('/trash');
  await page.getByTestId('trash-type').getByText('Target').click();
  const row = page.getByTestId('trash-table').getByRole('row').filter({ hasText: name });
  await expect(row).toHaveCount(1);
  await row.getByTestId('trash-restore').click();
  await expect(page.locator('.ant-message')).toContainText('Đã khôi phục 1 target.');
  await expect(row).toHaveCount(0);
  await page.goto(`/targets/${id}`);
  await expect(page.getByTestId('target-name')).toHaveText(name);
});
