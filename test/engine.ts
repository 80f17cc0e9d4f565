// What the browser running a test can do, and how to ask it (the server commands in
// scripts/wtr-engines.mjs). Chromium switches colour scheme and time zone at run time; Firefox
// switches the time zone; otherwise the browser was started with one colour scheme or zone (a
// second Firefox or MiniBrowser started dark, one MiniBrowser per zone), and a test runs the
// cases for the scheme or zone it has. So each promise is tested in every engine by its own means.
import { executeServerCommand } from '@web/test-runner-commands';

export interface BrowserEnv {
  engine: 'chromium' | 'firefox' | 'webkit';
  /** The scheme this browser was started with, or null when the test can switch it. */
  colorScheme: 'light' | 'dark' | null;
  /** The IANA zone this browser was started in, or null when the test can switch it. */
  timeZone: string | null;
}

export const browserEnv = (): Promise<BrowserEnv> => executeServerCommand('browser-env') as Promise<BrowserEnv>;

/** The colour schemes a test can show in this browser: both, or the one it was started with. */
export async function colorSchemesHere(): Promise<('light' | 'dark')[]> {
  const { colorScheme } = await browserEnv();
  return colorScheme === null ? ['light', 'dark'] : [colorScheme];
}

/** Makes the page prefer `scheme`; throws when this browser cannot (see colorSchemesHere). */
export async function useColorScheme(scheme: 'light' | 'dark'): Promise<void> {
  if (!(await executeServerCommand('color-scheme', { scheme }))) throw new Error(`this browser cannot show prefers-color-scheme: ${scheme}`);
  if (!matchMedia(`(prefers-color-scheme: ${scheme})`).matches) throw new Error(`prefers-color-scheme is still not ${scheme}`);
}

/** Emulates the time zone (`null` restores); false when this browser was started in a fixed zone. */
export const setTimeZone = (timezone: string | null): Promise<boolean> => executeServerCommand('set-timezone', { timezone }) as Promise<boolean>;

/**
 * Sets the viewport and returns the one reached: exactly what was asked, except that WebKitGTK's
 * MiniBrowser window cannot be narrower than its toolbar (447 px) and stays at that width.
 */
export const setViewport = (width: number, height: number) => executeServerCommand('viewport', { width, height }) as Promise<{ width: number; height: number }>;
