// Import and export (I1–I9): a real .xlsx with Vietnamese headers goes through the wizard — the
// mapping proposed from the headers, the preview, the import, its rejected rows, its undo — and
// the leads list exports what it shows as csv, lead IDs first. Agents have neither.
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { expect, test, type Download, type Page } from '@playwright/test';
import { pickOption, seededLeadId, signIn } from './helpers';
import { adminPassword, agentPassword, seededLeads } from './seed';

const fileName = 'khach-hang-hoi-cho.xlsx';
const headers = ['Họ và tên', 'SĐT', 'Email', 'Nguồn', 'Tỉnh/Thành phố', 'Ghi chú'];
// Spreadsheet rows 2–7. Row 5 has a bad phone, row 6 repeats row 2's mobile, row 4's mobile is a
// number that lost its leading zero: 4 created, 1 duplicate, 1 error.
const rows: (string | number | null)[][] = [
  ['Trịnh Văn Nhập', '0912 111 001', 'nhap.trinh@example.vn', 'Hội chợ', 'Hà Nội', 'Hỏi học phí'],
  ['Quách Thị Dung', '0912111002', 'dung.quach@example.vn', 'Hội chợ', 'Hải Phòng', null],
  ['Lương Văn Liệu', 936555777, 'lieu.luong@example.vn', 'Facebook', 'Đà Nẵng', 'Số lưu dạng số'],
  ['Phó Thị Tệp', '12ab', 'tep.pho@example.vn', 'Facebook', 'Nghệ An', 'Số sai'],
  ['Hà Văn Trùng', '0912 111 001', 'trung.ha@example.vn', 'Hội chợ', 'Hà Nội', 'Trùng số với dòng 2'],
  ['Mạc Thị Sáu', '0912111006', 'sau.mac@example.vn', 'Zalo', 'Cần Thơ', null],
];
const badRow = 5;

async function workbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Khách hàng');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Clicks what starts a download and returns the file's text. */
async function downloadText(page: Page, start: () => Promise<void>): Promise<{ download: Download; text: string }> {
  const downloading = page.waitForEvent('download');
  await start();
  const download = await downloading;
  return { download, text: await readFile(await download.path(), 'utf8') };
}

async function expectCounts(page: Page, counts: Record<'created' | 'updated' | 'duplicate' | 'error', number>) {
  for (const [kind, value] of Object.entries(counts)) {
    await expect(page.getByTestId(`import-count-${kind}`).locator('.ant-statistic-content-value')).toHaveText(
      String(value),
    );
  }
}

/** Signs in as the admin and chooses a CSV file in a new import wizard. */
async function startCsvImport(page: Page, name: string, csv: string) {
  await signIn(page, 'admin', adminPassword);
  await page.goto('/imports');
  await page.getByTestId('import-new').click();
  await page.locator('input[type=file]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
}

test('an xlsx file is imported through the wizard, its rejected rows downloaded, and the import undone', async ({
  page,
}) => {
  await signIn(page, 'admin', adminPassword);
  await page.getByTestId('main-menu').getByRole('link', { name: 'Nhập dữ liệu' }).click();
  await expect(page).toHaveURL(/\/imports$/);
  await page.getByTestId('import-new').click();
  await expect(page.getByTestId('import-template-xlsx')).toHaveAttribute('href', /format=xlsx/);
  await expect(page.getByTestId('import-template-csv')).toHaveAttribute('href', /format=csv/);

  // 1. Choose file: one sheet, so the wizard goes straight on to the mapping.
  await page.locator('input[type=file]').setInputFiles({
    name: fileName,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await workbook(),
  });
  await expect(page).toHaveURL(/\/imports\/\d+$/);

  // 2. Map columns: proposed from the Vietnamese headers; "Ghi chú" is put into the description.
  const mapping = page.getByTestId('import-mapping');
  await expect(mapping.getByRole('row').filter({ hasText: 'SĐT' })).toContainText('0912 111 001');
  for (const [index, label] of ['Họ và tên', 'Di động', 'Email', 'Nguồn', 'Tỉnh/Thành phố'].entries()) {
    await expect(page.getByTestId(`import-mapping-${index}`)).toContainText(label);
  }
  // Back to the file and forward again: a choice not saved yet is still there.
  await pickOption(page, page.getByTestId('import-mapping-5'), '— Bỏ qua —', 'Bỏ qua');
  await page.getByRole('button', { name: 'Quay lại' }).click();
  await page.getByTestId('import-next').click();
  await expect(page.getByTestId('import-mapping-5')).toContainText('— Bỏ qua —');
  await pickOption(page, page.getByTestId('import-mapping-5'), 'Mô tả', 'Mô tả');
  await expect(page.getByTestId('import-mapping-5')).toContainText('Mô tả');
  await page.getByTestId('import-next').click();

  // 3. Options: create only, duplicates checked on the mobile and the email.
  const options = page.getByTestId('import-options');
  await options.getByRole('radio', { name: 'Chỉ tạo mới' }).check();
  await options.getByRole('checkbox', { name: 'Di động' }).check();
  await options.getByRole('checkbox', { name: 'Email' }).check();
  await expect(page.getByTestId('import-auto-assign')).not.toBeChecked();
  await page.getByTestId('import-auto-assign').check();
  // Back to the mapping and forward again: the options chosen are still there.
  await page.getByRole('button', { name: 'Quay lại' }).click();
  await expect(page.getByTestId('import-mapping-5')).toContainText('Mô tả');
  await page.getByTestId('import-next').click();
  await expect(options.getByRole('checkbox', { name: 'Email' })).toBeChecked();
  await expect(page.getByTestId('import-auto-assign')).toBeChecked();
  const saved = page.waitForRequest((r) => r.method() === 'PATCH' && /\/api\/imports\/\d+$/.test(r.url()));
  await page.getByTestId('import-next').click();
  expect((await saved).postDataJSON()).toMatchObject({ mode: 'create', auto_assign: true });

  // 4. Preview: nothing written yet; the bad phone is named by its spreadsheet row.
  await expectCounts(page, { created: 4, updated: 0, duplicate: 1, error: 1 });
  const problem = page
    .getByTestId('import-problems')
    .locator('tbody tr')
    .filter({ has: page.locator('td:first-child', { hasText: new RegExp(`^${badRow}$`) }) });
  await expect(problem).toContainText('Di động');
  // The duplicate to skip, with the row it repeats, before anything is written.
  await expect(page.getByTestId('import-duplicates').locator('tbody tr')).toHaveText([
    /^6Di độngTrùng với dòng 2 phía trên trong tệp$/,
  ]);
  await page.getByTestId('import-run').click();

  // 5. Result.
  await expect(page.getByTestId('import-status')).toHaveText('Hoàn tất', { timeout: 30_000 });
  await expect(page.getByTestId('import-result')).toContainText('Đã nhập xong');
  await expectCounts(page, { created: 4, updated: 0, duplicate: 1, error: 1 });
  const { text: errors } = await downloadText(page, () => page.getByTestId('import-errors').click());
  const rejected = errors.split(/\r?\n/).find((line) => line.includes('Phó Thị Tệp'));
  expect(rejected).toContain('12ab');
  expect(rejected?.split(',')).toContain(String(badRow));
  expect(errors).not.toContain('Mạc Thị Sáu');
  // The skipped duplicate too, with what it repeats.
  const repeated = errors.split(/\r?\n/).find((line) => line.includes('Hà Văn Trùng'));
  expect(repeated).toContain(',6,Di động: Trùng với dòng 2 phía trên trong tệp');

  // The number without its leading zero became a Vietnamese mobile: searching it as people
  // dial it, with the zero, finds the lead.
  await page.goto('/leads?q=0936555777');
  await expect(page.getByTestId('lead-total')).toHaveText('Tổng số: 1');
  await expect(page.getByTestId('lead-table')).toContainText('Lương Văn Liệu');
  // Someone works on that lead before the undo: a note.
  await page.getByTestId('lead-table').getByRole('link', { name: 'Lương Văn Liệu' }).click();
  await expect(page.getByTestId('lead-name')).toHaveText('Lương Văn Liệu');
  await page.getByTestId('lead-add-note').click();
  await page.getByTestId('note-body').fill('Đã gọi, hẹn tuần sau');
  await page.getByTestId('note-save').click();
  await expect(page.getByTestId('note-form')).toBeHidden();

  // The history opens the import at its result; undo takes the created leads away, for good
  // but for the one with the note, which waits in the Trash.
  await page.getByTestId('main-menu').getByRole('link', { name: 'Nhập dữ liệu' }).click();
  const entry = page.getByTestId('import-table').getByRole('row').filter({ hasText: fileName });
  await expect(entry).toContainText('Hoàn tất');
  await entry.getByTestId('import-link').click();
  await expect(page.getByTestId('import-result')).toBeVisible();
  await page.getByTestId('import-undo').click();
  await expect(page.locator('.ant-popconfirm')).toContainText(
    'Hoàn tác sẽ xoá các khách hàng tiềm năng đã tạo và khôi phục các bản ghi đã cập nhật',
  );
  await page.locator('.ant-popconfirm').getByRole('button', { name: 'Hoàn tác' }).click();
  await expect(page.getByTestId('import-status')).toHaveText('Đã hoàn tác');
  await expect(page.getByTestId('import-undo')).toHaveCount(0);
  await expect(page.getByTestId('import-in-trash')).toContainText('1 khách hàng tiềm năng do lần nhập này tạo được giữ lại trong Thùng rác');
  await page.getByTestId('import-in-trash').getByRole('link', { name: 'Thùng rác' }).click();
  await expect(page).toHaveURL(/\/trash$/);
  const trash = page.getByTestId('trash-table');
  await expect(trash.getByRole('row').filter({ hasText: 'Lương Văn Liệu' })).toHaveCount(1);
  await expect(trash).not.toContainText('Trịnh Văn Nhập');

  await page.goto(`/leads?q=${encodeURIComponent('Trịnh Văn Nhập')}`);
  await expect(page.getByTestId('lead-total')).toHaveText('Tổng số: 0');
});

test('a workbook of several sheets is read from the sheet the user picks', async ({ page }) => {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Hướng dẫn').addRow(['Điền khách ở trang sau']);
  const people = book.addWorksheet('Khách hàng');
  people.addRow(['Họ và tên', 'Di động']);
  people.addRow(['Trang Văn Hai', '0912111201']);
  people.addRow(['Trang Thị Ba', '0912111202']);
  await signIn(page, 'admin', adminPassword);
  await page.goto('/imports');
  await page.getByTestId('import-new').click();
  await page.locator('input[type=file]').setInputFiles({
    name: 'hai-trang.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(await book.xlsx.writeBuffer()),
  });
  // Several sheets: the wizard stays on the file step with the first one read.
  await expect(page.getByTestId('import-file')).toContainText('khoảng 0 dòng');
  const picked = page.waitForResponse((r) => r.request().method() === 'PATCH' && /\/api\/imports\/\d+$/.test(r.url()));
  await pickOption(page, page.getByTestId('import-sheet'), 'Khách hàng');
  expect((await picked).status()).toBe(200);
  await expect(page.getByTestId('import-file')).toContainText('khoảng 2 dòng');
  await page.getByTestId('import-next').click();
  await expect(page.getByTestId('import-mapping-0')).toContainText('Họ và tên');
  await expect(page.getByTestId('import-mapping-1')).toContainText('Di động');
  await expect(page.getByTestId('import-mapping').getByRole('row').filter({ hasText: 'Di động' })).toContainText(
    '0912111201',
  );
});

test('a column with no field gets a custom field made from its header, and its cells land there', async ({
  page,
}) => {
  await startCsvImport(page, 'truong-hoc.csv', 'Họ và tên,Di động,Trường học\nHồ Thị Trường,0913 222 001,THPT Chu Văn An\n');
  const school = page.getByTestId('import-mapping-2');
  await expect(school).toContainText('Bỏ qua');
  await school.click();
  await page.getByTestId('import-mapping-new-field-2').click();
  // Named and labelled after the header; the admin only confirms.
  await expect(page.getByTestId('custom-field-name')).toHaveValue('truong_hoc');
  await expect(page.getByTestId('custom-field-label-vi')).toHaveValue('Trường học');
  await page.getByTestId('custom-field-save').click();
  await expect(page.getByTestId('custom-field-form')).toBeHidden();
  await expect(school).toContainText('Trường học');

  await page.getByTestId('import-next').click();
  await page.getByTestId('import-next').click();
  await expectCounts(page, { created: 1, updated: 0, duplicate: 0, error: 0 });
  await page.getByTestId('import-run').click();
  await expect(page.getByTestId('import-status')).toHaveText('Hoàn tất', { timeout: 30_000 });

  await page.goto('/leads?q=0913222001');
  await page.getByTestId('lead-table').getByRole('link', { name: 'Hồ Thị Trường' }).click();
  await expect(page.getByTestId('lead-name')).toHaveText('Hồ Thị Trường');
  await expect(page.locator('main')).toContainText('THPT Chu Văn An');
});

test('a file of lead IDs without names updates the leads it names, and only that', async ({ page }) => {
  await startCsvImport(page, 'chi-ma.csv', `Mã,Mô tả\n${seededLeadId('massOne')},Đã gọi lại\n`);
  await page.getByTestId('import-next').click();
  await page.getByTestId('import-mode').getByText('Chỉ tạo mới').click();
  await page.getByTestId('import-next').click();
  // Said at the choice, not as a failed preview one step later.
  await expect(page.getByTestId('import-options')).toContainText('cột ghép vào “Họ và tên”');
  await expect(page.getByTestId('import-run')).toHaveCount(0);
  await page.getByTestId('import-mode').getByText('Tạo mới và cập nhật').click();
  // Nor can a row without a name find its lead by anything but the ID.
  await page.getByTestId('import-match-on').getByText('ID', { exact: true }).click();
  await page.getByTestId('import-next').click();
  await expect(page.getByTestId('import-options')).toContainText('chỉ cập nhật được khách hàng theo mã');
  await page.getByTestId('import-match-on').getByText('ID', { exact: true }).click();
  await page.getByTestId('import-next').click();
  await expectCounts(page, { created: 0, updated: 1, duplicate: 0, error: 0 });
});

test('the leads list exports the filtered leads as csv, lead IDs first', async ({ page }) => {
  const leads = ['massOne', 'massTwo', 'massThree'] as const;
  await signIn(page, 'admin', adminPassword);
  await page.goto(`/leads?q=${encodeURIComponent('Hải Âu')}`);
  await expect(page.getByTestId('lead-total')).toHaveText('Tổng số: 3');

  await page.getByTestId('export-open').click();
  const { download, text } = await downloadText(page, () => page.getByTestId('export-csv').click());
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const lines = text.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  const cells = (line: string) => line.split(',').map((cell) => cell.replace(/^"|"$/g, '').trim());

  expect(cells(lines[0])).toEqual(expect.arrayContaining(['Họ và tên', 'Di động', 'Email']));
  expect(lines).toHaveLength(1 + leads.length);
  const byId = new Map(lines.slice(1).map((line) => [Number(cells(line)[0]), line]));
  for (const lead of leads) expect(byId.get(seededLeadId(lead))).toContain(seededLeads[lead].full_name);
});

test('an agent sees neither the import menu nor the export button', async ({ page }) => {
  await signIn(page, 'agent.an', agentPassword);
  await expect(page.getByTestId('lead-table')).toBeVisible();
  await expect(page.getByTestId('main-menu').getByRole('link', { name: 'Cuộc gọi' })).toBeVisible();
  await expect(page.getByTestId('main-menu').getByRole('link', { name: 'Nhập dữ liệu' })).toHaveCount(0);
  await expect(page.getByTestId('export-open')).toHaveCount(0);
  await page.goto('/imports/new');
  await expect(page.getByTestId('no-access')).toBeVisible();
});
