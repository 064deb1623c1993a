import { presentError } from "@/lib/action-errors";
import { AppError } from "@/lib/errors";

/**
 * What a person reads when `work` is refused: domain errors carry a code, the words come from
 * the action layer (lib/action-errors), so tests of lib functions assert on those words here.
 * Anything else that is thrown fails the test as it is; success fails it too.
 */
export async function refusalOf(work: Promise<unknown>): Promise<{ error: string; fieldErrors?: Record<string, string[]> }> {
  try {
    await work;
  } catch (error) {
    if (error instanceof AppError) return presentError(error);
    throw error;
  }
  throw new Error("Expected a refusal, but it succeeded");
}

/** The message of the refusal of `work` (see refusalOf). */
export async function wordsOf(work: Promise<unknown>): Promise<string> {
  return (await refusalOf(work)).error;
}
