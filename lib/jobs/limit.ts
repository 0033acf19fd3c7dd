/**
 * At most `size` holders at once in this process; the others wait in turn (first come, first
 * served). For the jobs' calls to ChakraHQ: a job holds a slot only for its call, so its own
 * database work before and after does not keep another job's call waiting.
 */
export function createLimit(size: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else active--;
  };
  return {
    size,
    /** Runs `task` once a slot is free; the slot is released when it settles. */
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (active < size) active++;
      // The slot passes from the releaser to the next waiter directly (active stays the same).
      else await new Promise<void>((resolve) => waiting.push(resolve));
      try {
        return await task();
      } finally {
        release();
      }
    },
  };
}
