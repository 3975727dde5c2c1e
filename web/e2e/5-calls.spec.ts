// Calls and notes (C1–C3, C5, L12): logging a call from a lead's profile moves a New lead to
// In process unless the result is Deny, Call back later or Invalid number; logging one from the
// Calls module with the lead picker; a note on the timeline; calling a do-not-contact lead asks first.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { pickOption, seededLeadId, signIn } from './helpers';
import { adminPassword, seededLeads, type SeededLead } from './seed';

test.beforeEach(async ({ page }) => {
  await signIn(page, 'admin', adminPassword);
});

/** Fills the open call form: a completed outbound call (the defaults) with this result. */
async function fillCall(page: Page, subject: string, result: string): Promise<void> {
  const form = page.getByTestId('call-form');
  await expect(form).toBeVisible();
  await form.getByTestId('call-field-subject').fill(subject);
  await pickOption(page, form.getByTestId('call-field-result'), result);
  await form.getByTestId('call-field-duration_min').fill('3');
  await form.getByTestId('call-field-duration_sec').fill('20');
}

const results: { lead: SeededLead; result: string; status: string }[] = [
  { lead: 'interested', result: 'Quan tâm', status: 'Đang chăm sóc' },
  { lead: 'notInterested', result: 'Không quan tâm', status: 'Đang chăm sóc' },
  { lead: 'wrongPerson', result: 'Nhầm người', status: 'Đang chăm sóc' },
  { lead: 'deny', result: 'Từ chối (máy bận, khoá máy)', status: 'Mới' },
  { lead: 'callBackLater', result: 'Gọi lại sau (không nghe máy)', status: 'Mới' },
  { lead: 'invalidNumber', result: 'Sai số', status: 'Mới' },
];

for (const { lead, result, status } of results) {
  test(`a completed call with result "${result}" on a New lead leaves it "${status}"`, async ({ page }) => {
    await page.goto(`/leads/${seededLeadId(lead)}`);
    await expect(page.getByTestId('lead-name')).toHaveText(seededLeads[lead].full_name);
    await expect(page.getByTestId('lead-status')).toHaveText('Mới');

    await page.getByTestId('lead-log-call').click();
    await fillCall(page, 'Gọi tư vấn khoá học', result);
    await page.getByTestId('call-save').click();
    await expect(page.getByTestId('call-form')).toBeHidden();

    await expect(page.getByTestId('lead-status')).toHaveText(status);
    if (status !== 'Mới') {
      await expect(page.locator('.ant-message')).toContainText('Tình trạng chăm sóc đã chuyển từ "Mới" sang "Đang chăm sóc"');
    }
    const call = page.getByTestId('lead-timeline').locator('[data-kind="call"]').first();
    await expect(call).toContainText('Gọi tư vấn khoá học');
    await expect(call.getByTestId('call-result')).toHaveText(result);
    await expect(call).toContainText('3:20');

    // The status shown is the lead's, not a stale copy: it is the same after a reload.
    await page.reload();
    await expect(page.getByTestId('lead-status')).toHaveText(status);
  });
}

test('a call logged from the Calls module with the lead picker lands on that lead', async ({ page }) => {
  const lead = seededLeads.picked;
  await page.getByTestId('main-menu').getByRole('link', { name: 'Cuộc gọi' }).click();
  await expect(page).toHaveURL(/\/calls$/);
  await page.getByTestId('call-create').click();

  const form = page.getByTestId('call-form');
  await pickOption(page, form.getByTestId('call-lead-picker'), lead.full_name, 'Vũ Minh');
  await fillCall(page, 'Hẹn lịch học thử', 'Quan tâm');
  await page.getByTestId('call-save').click();
  await expect(form).toBeHidden();

  const row = page.getByTestId('call-table').getByRole('row').filter({ hasText: 'Hẹn lịch học thử' });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('call-status')).toHaveText('Đã gọi');
  await expect(row.getByTestId('call-result')).toHaveText('Quan tâm');
  await row.getByRole('link', { name: lead.full_name }).click();

  await expect(page.getByTestId('lead-name')).toHaveText(lead.full_name);
  await expect(page.getByTestId('lead-status')).toHaveText('Đang chăm sóc');
  await expect(page.getByTestId('lead-timeline').locator('[data-kind="call"]').first()).toContainText(
    'Hẹn lịch học thử',
  );
});

test('a note added on the lead shows first in its timeline', async ({ page }) => {
  const body = 'Phụ huynh muốn học buổi tối, gọi lại sau 18h.';
  await page.goto(`/leads/${seededLeadId('noted')}`);
  await page.getByTestId('lead-add-note').click();
  await page.getByTestId('note-body').fill(body);
  await page.getByTestId('note-save').click();
  await expect(page.getByTestId('note-form')).toBeHidden();

  const latest = page.getByTestId('lead-timeline').getByTestId('timeline-item').first();
  await expect(latest).toHaveAttribute('data-kind', 'note');
  await expect(latest.getByTestId('timeline-note-body')).toHaveText(body);
  await expect(latest).toContainText('Administrator đã thêm ghi chú');
});

test('a do-not-contact lead is flagged with its reason, and logging a call on it asks first', async ({ page }) => {
  const lead = seededLeads.doNotContact;
  const reason = 'Khách yêu cầu không gọi lại';
  await page.goto(`/leads/${seededLeadId('doNotContact')}/edit`);
  await page.getByTestId('field-do_not_contact').click();
  await page.getByTestId('field-dnc_reason').fill(reason);
  await page.getByTestId('lead-form-save').click();

  await expect(page).toHaveURL(/\/leads\/\d+$/);
  const flag = page.getByTestId('dnc-flag');
  await expect(flag).toHaveText('Không liên hệ');
  await flag.hover();
  await expect(page.getByRole('tooltip')).toHaveText(`Không liên hệ: ${reason}`);

  await page.goto(`/leads?q=${encodeURIComponent(lead.full_name)}`);
  const row = page.getByTestId('lead-table').getByRole('row').filter({ hasText: lead.full_name });
  await row.getByTestId('dnc-flag').hover();
  await expect(page.getByRole('tooltip')).toHaveText(`Không liên hệ: ${reason}`);

  await row.getByRole('link', { name: lead.full_name }).click();
  await page.getByTestId('lead-log-call').click();
  await fillCall(page, 'Xác nhận lại nhu cầu', 'Không quan tâm');
  await page.getByTestId('call-save').click();

  const dialog = page.getByTestId('dnc-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(reason);
  await page.getByTestId('dnc-confirm').click();
  await expect(page.getByTestId('call-form')).toBeHidden();
  await expect(page.getByTestId('lead-timeline').locator('[data-kind="call"]').first()).toContainText(
    'Xác nhận lại nhu cầu',
  );
});

/** Types a date and time into an antd DatePicker and confirms with its OK button (Enter would submit the form). */
async function typeDateTime(page: Page, picker: Locator, value: string): Promise<void> {
  await picker.click();
  await picker.fill(value);
  await page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden) .ant-picker-ok button').click();
  await expect(picker).toHaveValue(value);
}

test('Enter in the call time confirms the time, not the whole form', async ({ page }) => {
  await page.goto(`/leads/${seededLeadId('noted')}`);
  await page.getByTestId('lead-log-call').click();
  const form = page.getByTestId('call-form');
  await form.getByTestId('call-field-subject').fill('Hẹn gọi lại sau Tết');
  await pickOption(page, form.getByTestId('call-field-status'), 'Đã lên lịch');
  const start = form.getByTestId('call-field-start_at');
  await start.click();
  await start.fill('20/02/2031 09:00');
  await start.press('Enter');
  await expect(start).toHaveValue('20/02/2031 09:00');
  // Still open, for the reminder the user was about to choose.
  await expect(form.getByTestId('call-field-remind_popup_min')).toBeVisible();
  await expect(page.getByText('Đã ghi nhận cuộc gọi')).toHaveCount(0);
});

test('an e-mail reminder chosen by someone with no e-mail address says it cannot reach them', async ({ page }) => {
  await page.goto(`/leads/${seededLeadId('noted')}`);
  await page.getByTestId('lead-log-call').click();
  const form = page.getByTestId('call-form');
  await pickOption(page, form.getByTestId('call-field-status'), 'Đã lên lịch');
  await pickOption(page, form.getByTestId('call-field-remind_email_min'), 'Trước 5 phút');
  // The admin of the test server was made without an e-mail address.
  await expect(form.getByTestId('call-no-email')).toContainText('Bạn chưa có địa chỉ e-mail');
  await pickOption(page, form.getByTestId('call-field-remind_popup_min'), 'Trước 5 phút');
  await expect(form.getByTestId('call-no-email')).toBeVisible();
});

test('a scheduled call reminds at a chosen time, kept as minutes before the call', async ({ page }) => {
  await page.goto(`/leads/${seededLeadId('noted')}`);
  await page.getByTestId('lead-log-call').click();
  const form = page.getByTestId('call-form');
  await form.getByTestId('call-field-subject').fill('Hẹn gọi báo học phí');
  await pickOption(page, form.getByTestId('call-field-status'), 'Đã lên lịch');
  await typeDateTime(page, form.getByTestId('call-field-start_at'), '15/01/2031 09:30');

  await pickOption(page, form.getByTestId('call-field-remind_popup_min'), 'Vào giờ đã chọn…');
  const at = form.getByTestId('call-field-remind_popup_at');
  await typeDateTime(page, at, '15/01/2031 10:00');
  await page.getByTestId('call-save').click();
  await expect(form).toContainText('Giờ nhắc phải trước giờ gọi, không sớm hơn một tuần');

  await typeDateTime(page, at, '15/01/2031 08:00');
  await page.getByTestId('call-save').click();
  await expect(form).toBeHidden();

  const calls = (await (
    await page.request.get(`/api/calls?parent_type=lead&parent_id=${seededLeadId('noted')}&status=scheduled`)
  ).json()) as { items: { subject: string; remind_popup_min: number | null }[] };
  expect(calls.items.find((c) => c.subject === 'Hẹn gọi báo học phí')?.remind_popup_min).toBe(90);

  // Opened again, the form shows the chosen time, not "90".
  const scheduled = page.getByTestId('lead-timeline').locator('[data-kind="call"]').first();
  await scheduled.getByTestId('timeline-call-edit').click();
  await expect(form.getByTestId('call-field-remind_popup_min')).toContainText('Vào giờ đã chọn…');
  await expect(form.getByTestId('call-field-remind_popup_at')).toHaveValue('15/01/2031 08:00');
});
