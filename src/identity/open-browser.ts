import { spawn } from 'node:child_process';

/**
 * Tries to open `url` in the user's browser, without ever waiting for it:
 * the opener is detached, its output ignored, its failure swallowed (the URL
 * is printed anyway). Returns false when there is clearly no browser to open
 * (Linux without a display, SSH sessions).
 */
export function openBrowser(url: string, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): boolean {
  let command: string;
  let args: string[];
  if (platform === 'darwin') {
    command = 'open';
    args = [url];
  } else if (platform === 'win32') {
    // `start` treats the first quoted argument as a window title; give it an empty one.
    command = 'cmd';
    args = ['/c', 'start', '""', url.replaceAll('&', '^&')];
  } else {
    if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return false;
    command = 'xdg-open';
    args = [url];
  }
  if (env.SSH_CONNECTION && platform !== 'win32' && platform !== 'darwin') return false;
  try {
    const child = spawn(command, args, { detached: true, stdio: 'ignore', windowsHide: true });
    child.on('error', () => {
      // No opener installed: the printed URL is the fallback.
    });
    child.unref();
    return true;
  } catch {
    return false;
  }
}
