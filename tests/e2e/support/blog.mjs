// Builds the Hugo fixture blog with the given posts into a temporary folder.
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURE = fileURLToPath(new URL('../fixtures/blog/', import.meta.url));

/// posts: { slug: { title, body } }; returns the folder with the built site.
export function buildBlog(posts) {
  const source = mkdtempSync(join(tmpdir(), 'cek-klien-blog-'));
  cpSync(FIXTURE, source, { recursive: true });
  mkdirSync(join(source, 'content', 'posts'), { recursive: true });
  for (const [slug, { title, body }] of Object.entries(posts)) {
    writeFileSync(join(source, 'content', 'posts', `${slug}.md`), `---\ntitle: "${title}"\n---\n\n${body}\n`);
  }
  const output = join(source, 'public');
  execFileSync('hugo', ['--quiet', '--source', source, '--destination', output], { stdio: 'inherit' });
  return output;
}
