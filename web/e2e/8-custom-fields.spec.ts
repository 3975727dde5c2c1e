// A1: an admin defines a select field; it appears on the lead form and detail page, and the
// list filters by it. (Last: the new field shows on every lead form after it.)
import { expect, test } from '@playwright/test';
import { pickOption, seededLeadId, signIn } from './helpers';
import { adminPassword, seededLeads } from './seed';

test('a select custom field is set on a lead and filters the list', async ({ page }) => {
  const lead = seededLeads.custom;
  await signIn(page, 'admin', adminPassword);
  await page.getByTestId('main-menu').getByRole('link', { name: 'Trường tuỳ chỉnh' }).click();
  await expect(page).toHaveURL(/\/custom-fields$/);

  await page.getByTestId('custom-field-create').click();
  const form = page.getByTestId('custom-field-form');
  await form.getByTestId('custom-field-name').fill('trinh_do');
  await pickOption(page, form.getByTestId('custom-field-type'), 'Một lựa chọn');
  await form.getByTestId('custom-field-label-vi').fill('Trình độ');
  await form.getByTestId('custom-field-label-en').fill('Level');
  const options = [
    ['co_ban', 'Cơ bản', 'Basic'],
    ['nang_cao', 'Nâng cao', 'Advanced'],
  ];
  for (const [index, [value, vi, en]] of options.entries()) {
    await form.getByTestId('custom-field-option-add').click();
    await form.getByTestId(`custom-field-option-value-${index}`).fill(value);
    await form.getByTestId(`custom-field-option-vi-${index}`).fill(vi);
    await form.getByTestId(`custom-field-option-en-${index}`).fill(en);
  }
  await form.getByTestId('custom-field-save').click();
  await expect(form).toBeHidden();
  await expect(page.getByTestId('custom-field-table').getByRole('row').filter({ hasText: 'trinh_do' })).toContainText(
    'Trình độ',
  );
  // A name taken: the server's conflict, worded in the user's language.
  await page.getByTestId('custom-field-create').click();
  await form.getByTestId('custom-field-name').fill('trinh_do');
  await form.getByTestId('custom-field-label-vi').fill('Trình độ khác');
  await form.getByTestId('custom-field-label-en').fill('Other level');
  await form.getByTestId('custom-field-save').click();
  await expect(page.locator('.ant-message')).toContainText('Đã có trường tuỳ chỉnh tên trinh_do.');
  await page.keyboard.press('Escape');
  await expect(form).toBeHidden();

  await page.goto(`/leads/${seededLeadId('custom')}/edit`);
  await pickOption(page, page.getByTestId('field-custom.trinh_do'), 'Nâng cao');
  await page.getByTestId('lead-form-save').click();
  await expect(page).toHaveURL(/\/leads\/\d+$/);
  await expect(page.getByTestId('lead-section-custom')).toContainText('Trình độ');
  await expect(page.getByTestId('lead-section-custom')).toContainText('Nâng cao');
  await expect(page.getByTestId('lead-timeline').getByTestId('timeline-item').first()).toContainText(
    'Administrator đã đặt Trình độ là Nâng cao',
  );

  await page.goto('/leads');
  await page.getByTestId('filter-more').click();
  await pickOption(page, page.getByTestId('filter-custom.trinh_do'), 'Nâng cao');
  await page.getByTestId('more-filters-apply').click();
  await expect(page).toHaveURL(/[?&]custom\.trinh_do=nang_cao/);
  await expect(page.getByTestId('lead-total')).toHaveText('Tổng số: 1');
  await expect(page.getByTestId('lead-table').getByRole('link', { name: lead.full_name })).toBeVisible();
});
