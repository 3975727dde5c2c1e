// Targets (T1–T5): a target made on its form starts as Raw Data; a completed call with result
// Interested verifies it (Wait for deliver, said in a message); "Convert to Lead" on the list,
// with an owner, makes it Transferred, linked to its new lead, which that owner has; the calls
// list opens the target of its call. A small csv of targets goes through the import wizard
// (entity Targets, no auto-assignment, no target list) and its rows are Raw Data targets, which
// the list exports and a mass update gives to an agent; the agent sees them without selection,
// mass update, conversion, export or import.
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { pickOption, signIn } from './helpers';
import { adminPassword, agentPassword } from './seed';

const target = { name: 'Khúc Thị Mục Tiêu', mobile: '0916 000 101', email: 'muc.tieu@example.vn' };

/** The id in a /targets/{id} URL. */
function targetIdOf(page: Page): number {
  const found = /\/targets\/(\d+)$/.exec(new URL(page.url()).pathname);
  if (!found) throw new Error(`not on a target's page: ${page.url()}`);
  return Number(found[1]);
}

test.beforeEach(async ({ page }) => {
  await signIn(page, 'admin', adminPassword);
});

test('a target is created Raw Data, verified by a call, converted to a lead for an owner, and links to it', async ({
  page,
}) => {
  await page.getByTestId('main-menu').getByRole('link', { name: 'Target', exact: true }).click();
  await expect(page).toHaveURL(/\/targets$/);
  await page.getByTestId('target-create').click();
  await expect(page).toHaveURL(/\/targets\/new$/);
  await expect(page.getByRole('heading', { name: 'Tạo Target' })).toBeVisible();
  await page.getByTestId('field-full_name').fill(target.name);
  await page.getByTestId('field-mobile').fill(target.mobile);
  await page.getByTestId('field-email').fill(target.email);
  await page.getByTestId('lead-form-save').click();

  // T1: Raw Data, not yet a lead.
  await expect(page).toHaveURL(/\/targets\/\d+$/);
  const targetId = targetIdOf(page);
  await expect(page.getByTestId('target-name')).toHaveText(target.name);
  await expect(page.getByTestId('target-status')).toHaveText('Raw Data');
  await expect(page.getByTestId('target-lead-link')).toHaveCount(0);
  await expect(page.getByTestId('lead-timeline')).toContainText('Administrator đã tạo target');

  // T2: a completed call with result Interested verifies it.
  await page.getByTestId('target-log-call').click();
  const form = page.getByTestId('call-form');
  await expect(form.getByTestId('call-lead-name')).toHaveText(target.name);
  await form.getByTestId('call-field-subject').fill('Xác minh nhu cầu du học');
  await pickOption(page, form.getByTestId('call-field-result'), 'Quan tâm');
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/calls') && r.request().method() === 'POST');
  await page.getByTestId('call-save').click();
  expect((await saved).request().postDataJSON()).toMatchObject({ parent_type: 'target', parent_id: targetId });
  await expect(form).toBeHidden();
  await expect(page.locator('.ant-message')).toContainText('Trạng thái: Raw Data → Wait for deliver');
  await expect(page.getByTestId('target-status')).toHaveText('Wait for deliver');
  await expect(page.getByTestId('lead-timeline').locator('[data-kind="call"]').first()).toContainText(
    'Xác minh nhu cầu du học',
  );

  // The calls list opens the call's target.
  await page.getByTestId('main-menu').getByRole('link', { name: 'Cuộc gọi' }).click();
  const callRow = page.getByTestId('call-table').getByRole('row').filter({ hasText: 'Xác minh nhu cầu du học' });
  await expect(callRow.getByTestId('call-parent-target')).toHaveText('Target');
  await callRow.getByRole('link', { name: target.name }).click();
  await expect(page).toHaveURL(new RegExp(`/targets/${targetId}$`));

  // T3: converted from the list, for an owner; nothing stays selected.
  await page.goto(`/targets?q=${encodeURIComponent('khuc thi muc tieu')}`);
  await expect(page.getByTestId('target-total')).toHaveText('Tổng số: 1');
  const row = page.getByTestId('target-table').getByRole('row').filter({ hasText: target.name });
  await expect(row).toContainText('Wait for deliver');
  await row.getByRole('checkbox').check();
  await expect(page.getByTestId('selected-count')).toHaveText('Đã chọn 1 target');
  await page.getByTestId('target-convert-open').click();
  await pickOption(page, page.getByTestId('convert-owner'), 'Lê Thị Bình', 'Lê');
  const converted = page.waitForResponse((r) => r.url().endsWith('/api/targets/convert'));
  await page.getByTestId('convert-confirm').click();
  const answer = await converted;
  expect(answer.request().postDataJSON()).toMatchObject({ ids: [targetId] });
  expect(await answer.json()).toMatchObject({ converted: 1, skipped: 0 });
  await expect(page.locator('.ant-message')).toContainText('Đã chuyển 1 target thành lead.');
  await expect(page.getByTestId('convert-form')).toBeHidden();
  await expect(page.getByTestId('selected-count')).toHaveCount(0);
  await expect(row).toContainText('Transferred');

  // The target links to its lead, which has the owner chosen.
  await row.getByRole('link', { name: target.name }).click();
  await expect(page.getByTestId('target-status')).toHaveText('Transferred');
  const leadLink = page.getByTestId('target-lead-link').first();
  await expect(leadLink).toHaveText(/^Lead #\d+$/);
  await leadLink.click();
  await expect(page).toHaveURL(/\/leads\/\d+$/);
  await expect(page.getByTestId('lead-name')).toHaveText(target.name);
  await expect(page.getByTestId('lead-section-owner')).toContainText('Lê Thị Bình');
  // And the lead back to its target (T3: the link kept).
  await page.getByTestId('lead-target-link').click();
  await expect(page).toHaveURL(/\/targets\/\d+$/);
  await expect(page.getByTestId('target-name')).toHaveText(target.name);
});

test('a csv of targets is imported, exported, and given to an agent, who only reads and calls them', async ({
  page,
  browser,
}) => {
  const csv = 'Họ và tên,SĐT,Email\nNhâm Văn Nhập,0916 000 201,nhap.nham@example.vn\nNhâm Thị Tệp,0916 000 202,\n';
  await page.goto('/targets');
  await page.getByTestId('target-import').click();
  await expect(page).toHaveURL(/\/imports\/new\?entity=targets$/);
  const entity = page.getByTestId('import-entity');
  await expect(entity.getByRole('radio', { name: 'Target' })).toBeChecked();
  await expect(page.getByTestId('import-template-xlsx')).toHaveAttribute('href', /entity=targets/);
  await expect(page.getByTestId('import-template-csv')).toHaveAttribute('href', /entity=targets/);

  const uploaded = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/imports'));
  await page
    .locator('input[type=file]')
    .setInputFiles({ name: 'target-hoi-cho.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  expect(await (await uploaded).json()).toMatchObject({ entity: 'targets' });
  await expect(page).toHaveURL(/\/imports\/\d+$/);

  await expect(page.getByTestId('import-mapping-1')).toContainText('Di động');
  await page.getByTestId('import-next').click();
  await expect(page.getByTestId('import-options')).toBeVisible();
  await expect(page.getByTestId('import-auto-assign')).toHaveCount(0);
  const options = page.waitForRequest((r) => r.method() === 'PATCH' && /\/api\/imports\/\d+$/.test(r.url()));
  await page.getByTestId('import-next').click();
  expect((await options).postDataJSON()).not.toHaveProperty('auto_assign');

  for (const [kind, value] of Object.entries({ created: 2, duplicate: 0, error: 0 })) {
    await expect(page.getByTestId(`import-count-${kind}`).locator('.ant-statistic-content-value')).toHaveText(
      String(value),
    );
  }
  await page.getByTestId('import-run').click();
  await expect(page.getByTestId('import-status')).toHaveText('Hoàn tất', { timeout: 30_000 });
  await expect(page.getByTestId('import-add-to-list')).toHaveCount(0);

  // The history says which kind each import made.
  await page.goto('/imports');
  const history = page.getByTestId('import-table').getByRole('row').filter({ hasText: 'target-hoi-cho.csv' });
  await expect(history.getByTestId('import-entity-tag')).toHaveText('Target');
  await history.getByTestId('import-link').click();
  await page.getByTestId('import-exit').click();

  await expect(page).toHaveURL(/\/targets$/);
  await page.getByTestId('lead-search').fill('nham');
  const rows = page.getByTestId('target-table').locator('tr.ant-table-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: 'Nhâm Văn Nhập' })).toContainText('Raw Data');
  await expect(rows.filter({ hasText: 'Nhâm Thị Tệp' })).toContainText('Raw Data');

  // Exported as the list shows them, with their IDs.
  await page.getByTestId('export-open').click();
  const downloading = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  const download = await downloading;
  expect(download.url()).toMatch(/\/api\/targets\/export\?.*q=nham/);
  const lines = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  expect(lines).toHaveLength(3);
  expect(lines.join('\n')).toContain('Nhâm Văn Nhập');

  // T4: both given to agent.an by a mass update of all that match.
  await page.getByTestId('mass-update-open').click();
  await pickOption(page, page.getByTestId('mass-update-owner'), 'Trần Văn An', 'Trần');
  await expect(page.getByTestId('mass-update-stage')).toHaveCount(0);
  await page.getByTestId('mass-update-preview').click();
  await expect(page.getByTestId('mass-update-count')).toHaveText('2 target sẽ được cập nhật');
  await page.getByTestId('mass-update-confirm').click();
  await expect(page.locator('.ant-message')).toContainText('Đã cập nhật 2 target.');
  await expect(rows.filter({ hasText: 'Trần Văn An' })).toHaveCount(2);

  const agentContext = await browser.newContext();
  const agent = await agentContext.newPage();
  await signIn(agent, 'agent.an', agentPassword);
  await agent.getByTestId('main-menu').getByRole('link', { name: 'Target', exact: true }).click();
  await agent.getByTestId('lead-search').fill('nham');
  await expect(agent.getByTestId('target-table').locator('tr.ant-table-row')).toHaveCount(2);
  await expect(agent.getByTestId('target-table').getByRole('checkbox')).toHaveCount(0);
  for (const hidden of ['mass-update-bar', 'target-convert-open', 'export-open', 'target-import']) {
    await expect(agent.getByTestId(hidden)).toHaveCount(0);
  }
  await expect(agent.getByTestId('target-create')).toBeVisible();
  await agent.getByTestId('target-table').getByRole('link', { name: 'Nhâm Thị Tệp' }).click();
  await expect(agent.getByTestId('target-status')).toHaveText('Raw Data');
  await expect(agent.getByTestId('target-log-call')).toBeVisible();
  await expect(agent.getByTestId('target-delete')).toHaveCount(0);
  await agentContext.close();
});
