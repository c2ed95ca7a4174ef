// Files the tests keep for people to look at (screenshots), under test-results/ (not committed).
import { mkdirSync } from 'node:fs';

/// Makes test-results/<folder>/ and returns a function giving the path of a file in it.
export function artifactsIn(folder) {
  const dir = new URL(`../../../test-results/${folder}/`, import.meta.url);
  mkdirSync(dir, { recursive: true });
  return (file) => new URL(file, dir).pathname;
}
