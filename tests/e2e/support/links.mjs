// Hand-made share links with a valid check character, for tests that must get past the
// checksum to reach a later check. The check character comes from the Rust code
// (`link::sign`) through a generated fixture, so no copy of the algorithm lives here:
// tests/browser_fixtures.rs lists the bodies, writes tests/e2e/fixtures/signed-links.txt
// (one `body<TAB>signed` line each) and fails when the file is out of date.
import { readFileSync } from 'node:fs';

const FIXTURE = new URL('../fixtures/signed-links.txt', import.meta.url);
const REGENERATE = 'add it to SIGNED_BODIES in tests/browser_fixtures.rs and run `UPDATE_FIXTURES=1 cargo test --test browser_fixtures`';

const SIGNED = new Map(
  readFileSync(FIXTURE, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const [body, link, ...rest] = line.split('\t');
      if (rest.length > 0 || link === undefined || link.length !== body.length + 1 || !link.startsWith(body)) {
        throw new Error(`malformed line in ${FIXTURE.pathname}: ${JSON.stringify(line)}`);
      }
      return [body, link];
    }),
);

/// `body` with its check character appended. Throws for a body the fixture does not hold, so a
/// new body cannot silently go unsigned.
export function signed(body) {
  const link = SIGNED.get(body);
  if (link === undefined) throw new Error(`no signed link for ${JSON.stringify(body)}: ${REGENERATE}`);
  return link;
}
