import { availableParallelism } from "node:os";

// argon2 runs on libuv's thread pool (4 threads) with 64 MiB each: fifty requests hashing at
// once would take every thread and 3 GiB, and a member's login would wait behind all of them.
// Here at most one run per CPU is in flight per process; the rest wait in line. Checking a
// login's password goes ahead of hashing a new one (sign-up, invitations, password changes),
// and hashing never takes the last slot, so a flood of sign-ups cannot make a login wait.

type Lane = "verify" | "hash";

export function argon2Pool(slots: number) {
  const hashSlots = Math.max(1, slots - 1);
  const waiting: Record<Lane, Array<() => void>> = { verify: [], hash: [] };
  const running: Record<Lane, number> = { verify: 0, hash: 0 };

  function next() {
    while (running.verify + running.hash < slots) {
      const lane: Lane | null = waiting.verify.length ? "verify" : waiting.hash.length && running.hash < hashSlots ? "hash" : null;
      if (!lane) return;
      running[lane]++;
      waiting[lane].shift()!();
    }
  }

  return {
    /** Runs `work` when a slot of its lane is free. */
    run<T>(lane: Lane, work: () => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        // The slot is freed before the caller resumes, so what it does next finds it free.
        const release = () => {
          running[lane]--;
          next();
        };
        waiting[lane].push(() => {
          work().then(
            (value) => {
              release();
              resolve(value);
            },
            (error: unknown) => {
              release();
              reject(error);
            },
          );
        });
        next();
      });
    },
    /** How many runs are in flight and waiting. */
    load() {
      return { running: running.verify + running.hash, waiting: waiting.verify.length + waiting.hash.length, slots, hashSlots };
    },
  };
}

const pool = argon2Pool(Math.max(1, availableParallelism()));

/** Runs `work` in this process's pool. */
export function inArgon2Pool<T>(lane: Lane, work: () => Promise<T>): Promise<T> {
  return pool.run(lane, work);
}
