// Campaigns (K1): a campaign made on its page is found by its name typed without marks, refused a
// second time under another spelling, picked by its name for an assignment rule and for a lead (whose
// page, history and leads-list filter then name it), and counts the lead, its count opening the
// leads list filtered by it. Agents see the campaigns but make none.
import { expect, test } from '@playwright/test';
import { pickOption, seededLeadId, signIn } from './helpers';
import { adminPassword, agentPassword, seededLeads } from './seed';

const name = 'Hội thảo du học Úc 2027';
const search = 'hoi thao du hoc';
const lead = seededLeads.campaign.full_name;

test('a campaign is found without marks, picked by name for a rule and a lead, and counts the lead', async ({
  page,
}) => {
  await signIn(page, 'admin', adminPassword);
  await page.getByTestId('main-menu').getByRole('link', { name: 'Chiến dịch' }).click();
  await expect(page).toHaveURL(/\/campaigns$/);

  await page.getByTestId('campaign-create').click();
  await page.getByTestId('campaign-name-input').fill(name);
  await pickOption(page, page.getByTestId('campaign-type'), 'Sự kiện');
  await pickOption(page, page.getByTestId('campaign-status-select'), 'Đang chạy');
  await page.getByTestId('campaign-budget').fill('12000000');
  await page.getByTestId('campaign-source').fill('Hội thảo');
  const created = page.waitForResponse((r) => r.url().endsWith('/api/campaigns') && r.request().method() === 'POST');
  await page.getByTestId('campaign-save').click();
  expect((await created).status()).toBe(201);
  const campaignId = ((await (await created).json()) as { id: number }).id;
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.locator('.ant-message')).toContainText(`Đã lưu chiến dịch “${name}”.`);

  // Found by its name typed without marks; the row says its status, budget in VND and its leads (none yet).
  await page.getByTestId('campaign-search').fill(search);
  await expect(page).toHaveURL(/\/campaigns\?q=hoi\+thao\+du\+hoc$/);
  const row = page.getByTestId(`campaign-row-${campaignId}`);
  await expect(page.getByTestId('campaigns-table').locator('tr.ant-table-row')).toHaveCount(1);
  await expect(row.getByTestId('campaign-row-name')).toHaveText(name);
  await expect(row.getByTestId('campaign-status')).toHaveText('Đang chạy');
  await expect(row).toContainText('Sự kiện');
  await expect(row).toContainText(/12\.000\.000\s₫/);
  await expect(row.getByTestId('campaign-leads')).toHaveText('0');
  await expect(row).toContainText('Administrator');

  // The same name in capitals and without marks is refused under the name box.
  await page.getByTestId('campaign-create').click();
  await page.getByTestId('campaign-name-input').fill('HOI THAO DU HOC UC 2027');
  await page.getByTestId('campaign-save').click();
  await expect(page.getByTestId('campaign-form')).toContainText(
    `Đã có chiến dịch tên “${name}”; hãy đặt tên khác.`,
  );
  await page.getByRole('dialog').getByRole('button', { name: 'Hủy' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();

  // An assignment rule takes the campaign picked by its name, and the rules page names it.
  await page.getByTestId('main-menu').getByRole('link', { name: 'Quy tắc chia lead' }).click();
  await page.getByTestId('rule-create').click();
  await page.getByTestId('rule-name').fill('Chia lead du học Úc');
  await pickOption(page, page.getByTestId('rule-campaign'), name, search);
  await pickOption(page, page.getByTestId('rule-member-0'), 'Lê Thị Bình', 'Lê');
  const ruleSaved = page.waitForResponse((r) => r.url().endsWith('/api/assignment-rules'));
  await page.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click();
  expect((await ruleSaved).request().postDataJSON()).toMatchObject({ campaign_id: campaignId });
  const rule = page.getByTestId('rules-table').getByRole('row').filter({ hasText: 'Chia lead du học Úc' });
  await expect(rule.getByTestId('rule-campaign-tag')).toHaveText(`Chiến dịch ${name}`);

  // The lead's form picks the campaign by its name; the lead's page and history name it.
  const leadId = seededLeadId('campaign');
  await page.goto(`/leads/${leadId}/edit`);
  await pickOption(page, page.getByTestId('field-campaign_id'), name, search);
  await page.getByTestId('lead-form-save').click();
  await expect(page).toHaveURL(new RegExp(`/leads/${leadId}$`));
  await expect(page.getByTestId('lead-section-collection')).toContainText(name);
  await expect(page.getByTestId('lead-timeline')).toContainText(name);
  await page.getByTestId('lead-edit').click();
  await expect(page.getByTestId('field-campaign_id')).toContainText(name);

  // The campaign counts the lead; its count opens the leads list filtered by the campaign.
  await page.getByTestId('main-menu').getByRole('link', { name: 'Chiến dịch' }).click();
  await page.getByTestId('campaign-search').fill(search);
  // The search is in the URL before the count is followed (a search sent after would come back to this page).
  await expect(page).toHaveURL(/\/campaigns\?q=hoi\+thao\+du\+hoc$/);
  await expect(row.getByTestId('campaign-leads')).toHaveText('1');
  await expect(row.getByTestId('campaign-customers')).toHaveText('0');
  await row.getByTestId('campaign-leads').click();
  await expect(page).toHaveURL(new RegExp(`/leads\\?campaign_id=${campaignId}$`));
  await expect(page.getByTestId('lead-total')).toHaveText('Tổng số: 1');
  await expect(page.getByTestId('lead-table')).toContainText(lead);
  // The filters drawer names the campaign it filters by.
  await page.getByTestId('filter-more').click();
  await expect(page.getByTestId('filter-campaign_id')).toContainText(name);
});

test('an agent sees the campaigns but does not make or change them', async ({ page }) => {
  await signIn(page, 'agent.an', agentPassword);
  await page.getByTestId('main-menu').getByRole('link', { name: 'Chiến dịch' }).click();
  await expect(page).toHaveURL(/\/campaigns$/);
  await expect(page.getByTestId('campaigns-table')).toContainText(name);
  await expect(page.getByTestId('campaign-create')).toHaveCount(0);
  await expect(page.getByTestId('campaign-edit')).toHaveCount(0);
  await expect(page.getByTestId('campaign-delete')).toHaveCount(0);
});
