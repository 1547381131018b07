// @vitest-environment happy-dom
// A view that throws while rendering shows the error in its place, with a retry that mounts it
// again; nothing else is taken down.
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ViewBoundary } from './ViewBoundary';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: ReturnType<typeof createRoot> | null = null;
afterEach(() => {
  act(() => root?.unmount());
  document.body.innerHTML = '';
});

describe('ViewBoundary', () => {
  it('replaces a failing view with its error, and retry mounts it again', () => {
    let fail = true;
    function Flaky() {
      if (fail) throw new Error('not an exact amount in 分: 0.5');
      return <p data-testid="ok">fine</p>;
    }
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    const host = document.createElement('div');
    document.body.appendChild(host);
    root = createRoot(host);
    act(() =>
      root!.render(
        <>
          <nav data-testid="nav">nav</nav>
          <ViewBoundary>
            <Flaky />
          </ViewBoundary>
        </>,
      ),
    );
    expect(host.querySelector('[data-testid="view-error"]')?.textContent).toContain('not an exact amount in 分: 0.5');
    expect(host.querySelector('[data-testid="nav"]')).not.toBeNull();
    fail = false;
    act(() => (host.querySelector('[data-testid="error-banner"] button') as HTMLButtonElement).click());
    expect(host.querySelector('[data-testid="ok"]')?.textContent).toBe('fine');
    quiet.mockRestore();
  });
});
