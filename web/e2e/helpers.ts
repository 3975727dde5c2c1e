// Shared steps of the browser tests.
import { expect, type Locator, type Page } from '@playwright/test';
import type { SeededLead } from './seed';

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/leads');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('current-user')).toBeVisible();  // the menu is a closed drawer on a phone
}

/** The id in a /leads/{id} URL. */
export function leadIdOf(page: Page): number {
  const found = /\/leads\/(\d+)$/.exec(new URL(page.url()).pathname);
  if (!found) throw new Error(`not on a lead's page: ${page.url()}`);
  return Number(found[1]);
}

/** The id of a lead made by the seed. */
export function seededLeadId(lead: SeededLead): number {
  const ids = JSON.parse(process.env.SEN_E2E_LEAD_IDS ?? '{}') as Record<string, number>;
  const id = ids[lead];
  if (!id) throw new Error(`no seeded lead ${lead}`);
  return id;
}

/**
 * Opens an antd Select and clicks an option: by its whole label, or (with `search`) types the
 * search first and clicks the option whose label contains it.
 */
export async function pickOption(page: Page, select: Locator, label: string, search?: string): Promise<void> {
  const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  if (search === undefined) {
    // Under load a click can land on a dropdown still closing (another select's) and be lost:
    // try again until the select shows the choice.
    await expect(async () => {
      if ((await select.textContent())?.includes(label)) return;
      await select.click();
      await dropdown.locator(`.ant-select-item-option[title="${label}"]`).last().click({ timeout: 3000 });
      await expect(select).toContainText(label, { timeout: 1000 });
    }).toPass({ timeout: 15000 });
    return;
  }
  await select.click();
  await page.keyboard.type(search);
  await dropdown.locator('.ant-select-item-option').filter({ hasText: label }).first().click();
}
