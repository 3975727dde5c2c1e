// Target lists (K2, I7): the leads an import created go into a new list from the import's result;
// the list opens as the leads list filtered by it, where rows leave it and a filter's leads join
// it; the lists page counts its leads, refuses a second list of the same name (case and marks
// aside) and deletes it, the leads staying. Agents have none of it.
import { expect, test, type Page } from '@playwright/test';
import { pickOption, signIn } from './helpers';
import { adminPassword, agentPassword } from './seed';

const listName = 'Hội thảo tháng 12';
const people = [
  ['Khổng Văn Một', '0916 444 001'],
  ['Khổng Thị Hai', '0916 444 002'],
  ['Khổng Văn Ba', '0916 444 003'],
];
const csv = `Họ và tên,Di động\n${people.map((row) => row.join(',')).join('\n')}\n`;

/** Imports the csv through the wizard, as the admin, up to its result. */
async function importPeople(page: Page) {
  await signIn(page, 'admin', adminPassword);
  await page.goto('/imports');
  await page.getByTestId('import-new').click();
  await page
    .locator('input[type=file]')
    .setInputFiles({ name: 'hoi-thao.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page).toHaveURL(/\/imports\/\d+$/);
  await page.getByTestId('import-next').click();
  await page.getByTestId('import-next').click();
  await expect(page.getByTestId('import-count-created').locator('.ant-statistic-content-value')).toHaveText('3');
  await page.getByTestId('import-run').click();
  await expect(page.getByTestId('import-status')).toHaveText('Hoàn tất', { timeout: 30_000 });
}

test("an import's leads go into a new target list, which the leads list then shows and the lists page counts", async ({
  page,
}) => {
  await importPeople(page);

  // The result offers the list; a new one is named, Enter adds.
  await page.getByTestId('import-add-to-list').click();
  await expect(page.getByTestId('add-to-list-what')).toContainText(
    'Thêm 3 khách hàng tiềm năng do lần nhập này tạo hoặc cập nhật',
  );
  await page.getByRole('dialog').getByText('Danh sách mới', { exact: true }).click();
  const added = page.waitForResponse((r) => /\/api\/imports\/\d+\/add-to-list$/.test(r.url()));
  await page.getByTestId('add-to-list-name').fill(listName);
  await page.getByTestId('add-to-list-name').press('Enter');
  expect((await added).status()).toBe(200);
  await expect(page.getByRole('dialog')).toBeHidden();
  const notice = page.locator('.ant-notification');
  await expect(notice).toContainText(`Đã thêm 3 khách hàng vào “${listName}”.`);

  // The notice opens the list: the leads list filtered by it.
  await notice.getByTestId('added-list-link').click();
  await expect(page).toHaveURL(/\/leads\?target_list_id=\d+$/);
  const listId = Number(new URL(page.url()).searchParams.get('target_list_id'));
  await expect(page.getByTestId('target-list-filter-name')).toHaveText(listName);
  await expect(page.getByTestId('lead-total')).toHaveText('Tổng số: 3');
  const table = page.getByTestId('lead-table');
  for (const [name] of people) await expect(table).toContainText(name);

  // A selected row leaves the list; the lead stays.
  await table.getByRole('row').filter({ hasText: 'Khổng Văn Ba' }).getByRole('checkbox').check();
  await page.getByTestId('target-list-remove').click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: 'Bỏ khỏi danh sách' }).click();
  await expect(page.locator('.ant-message')).toContainText(`Đã bỏ 1 khách hàng khỏi “${listName}”.`);
  await expect(page.getByTestId('lead-total')).toHaveText('Tổng số: 2');
  await expect(table).not.toContainText('Khổng Văn Ba');

  // The close shows every lead again; the filters drawer picks the list back.
  await page.getByTestId('target-list-filter-clear').click();
  await expect(page.getByTestId('target-list-filter')).toHaveCount(0);
  await expect(page).toHaveURL(/\/leads$/);
  await page.getByTestId('filter-more').click();
  await pickOption(page, page.getByTestId('filter-target_list_id'), listName, 'HOI THAO');
  await page.getByTestId('more-filters-apply').click();
  await expect(page).toHaveURL(new RegExp(`/leads\\?target_list_id=${listId}$`));
  await expect(page.getByTestId('target-list-filter-name')).toHaveText(listName);
  await expect(page.getByTestId('lead-total')).toHaveText('Tổng số: 2');

  // A search's leads (nothing selected) join the list; those in it already are said so.
  await page.goto(`/leads?q=${encodeURIComponent('Khổng')}`);
  await expect(page.getByTestId('lead-total')).toHaveText('Tổng số: 3');
  await page.getByTestId('add-to-list-open').click();
  await expect(page.getByTestId('add-to-list-what')).toHaveText('Thêm tất cả 3 khách hàng khớp bộ lọc.');
  await pickOption(page, page.getByTestId('add-to-list-select'), listName, 'hoi thao');
  const members = page.waitForRequest((r) => r.url().endsWith(`/api/target-lists/${listId}/members`));
  await page.getByTestId('add-to-list-submit').click();
  expect((await members).postDataJSON()).toEqual({ filter: { q: 'Khổng' } });
  await expect(notice).toContainText(`Đã thêm 1 khách hàng vào “${listName}”.`);
  await expect(notice).toContainText('2 khách hàng đã có trong danh sách từ trước.');

  // The lists page counts its leads and opens it by its name.
  await page.getByTestId('main-menu').getByRole('link', { name: 'Danh sách mục tiêu' }).click();
  await expect(page).toHaveURL(/\/target-lists$/);
  const row = page.getByTestId(`target-list-row-${listId}`);
  await expect(row).toContainText(listName);
  await expect(row.getByTestId('target-list-members')).toHaveText('3');
  await expect(row).toContainText('Administrator');

  // A second list of the same name, written without marks, is refused under the name box.
  await page.getByTestId('target-list-create').click();
  await page.getByTestId('target-list-name').fill('HOI THAO THANG 12');
  await page.getByTestId('target-list-save').click();
  await expect(page.getByTestId('target-list-form')).toContainText(
    `Đã có danh sách mục tiêu tên “${listName}”; hãy đặt tên khác.`,
  );
  await page.getByRole('dialog').getByRole('button', { name: 'Hủy' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();

  await row.getByTestId('target-list-link').click();
  await expect(page).toHaveURL(new RegExp(`/leads\\?target_list_id=${listId}$`));
  await expect(page.getByTestId('lead-total')).toHaveText('Tổng số: 3');

  // Deleting the list keeps its leads.
  await page.goto('/target-lists');
  await row.getByTestId('target-list-delete').click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: 'Xóa' }).click();
  await expect(page.locator('.ant-message')).toContainText(`Đã xoá danh sách “${listName}”.`);
  await expect(row).toHaveCount(0);
  await page.goto(`/leads?q=${encodeURIComponent('Khổng')}`);
  await expect(page.getByTestId('lead-total')).toHaveText('Tổng số: 3');
});

test('an agent has no target lists', async ({ page }) => {
  await signIn(page, 'agent.an', agentPassword);
  await expect(page.getByTestId('lead-table')).toBeVisible();
  await expect(page.getByTestId('main-menu').getByRole('link', { name: 'Danh sách mục tiêu' })).toHaveCount(0);
  await expect(page.getByTestId('add-to-list-open')).toHaveCount(0);
  await page.goto('/target-lists');
  await expect(page.getByTestId('no-access')).toBeVisible();
});
