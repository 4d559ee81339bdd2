/**
 * Runs `task` once the browser has drawn the next frame and then has nothing else to do (or a
 * second after that frame), or after two seconds in a page that draws no frames (hidden). Work that
 * only decorates a table (consistency markers, "changed since the snapshot") waits for it, so the
 * rows show first. Returns a function that cancels the task if it has not run.
 */
export function afterPaint(task: () => void): () => void {
  let isDone = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    if (isDone) return;
    isDone = true;
    task();
  };
  // After the frame, once the main thread is idle: a grid draws its rows over a few tasks after React commits.
  let idle: number | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(() => {
      if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(run, { timeout: 1000 });
      else run();
    }, 0);
  });
  const fallback = setTimeout(run, 2000);
  return () => {
    isDone = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    clearTimeout(fallback);
    if (idle !== undefined) cancelIdleCallback(idle);
  };
}
