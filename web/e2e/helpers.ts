// Shared steps of the browser tests.
import { expect, type Page } from '@playwright/test';

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/leads');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('main-menu')).toBeVisible();
}

/** The id in a /leads/{id} URL. */
export function leadIdOf(page: Page): number {
  const found = /\/leads\/(\d+)$/.exec(new URL(page.url()).pathname);
  if (!found) throw new Error(`not on a lead's page: ${page.url()}`);
  return Number(found[1]);
}
