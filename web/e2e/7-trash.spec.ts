// L14: an admin deletes a lead; it waits in the trash with its deletion date and comes back on restore.
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
