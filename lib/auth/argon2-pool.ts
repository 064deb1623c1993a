import { availableParallelism } from "node:os";

// argon2 runs on libuv's thread pool (4 threads) with 64 MiB each: fifty requests hashing at
// once would take every thread and 3 GiB, and a member's login would wait behind all of them.
// Here at most one run per CPU is in flight per process; the rest wait in line, and checking a
// login's password goes ahead of hashing a new one (sign-up, invitations, password changes).
const SLOTS = Math.max(1, availableParallelism());

type Lane = "verify" | "hash";
const waiting: Record<Lane, Array<() => void>> = { verify: [], hash: [] };
let running = 0;

function next() {
  if (running >= SLOTS) return;
  const start = waiting.verify.shift() ?? waiting.hash.shift();
  if (!start) return;
  running++;
  start();
}

/** Runs `work` when a slot is free. */
export function inArgon2Pool<T>(lane: Lane, work: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    waiting[lane].push(() => {
      work()
        .then(resolve, reject)
        .finally(() => {
          running--;
          next();
        });
    });
    next();
  });
}

/** For tests: how many runs are in flight and waiting. */
export function argon2PoolLoad() {
  return { running, waiting: waiting.verify.length + waiting.hash.length, slots: SLOTS };
}
