// The three sites the benchmark compares, generated from the tipe-klien bank so the content is
// identical: our app (dist/), a static HTML page showing the first question (the floor: what
// any approach must at least cost), and SurveyJS 2.5.38 rendering the same quiz.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'smol-toml';

const bank = parse(readFileSync(new URL('../data/banks/1-tipe-klien.toml', import.meta.url), 'utf8'));
const questions = bank.questions.map((q) => ({ text: q.text.id, choices: q.choices.map((c) => c.text.id) }));
const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function makeFloor(dir) {
  mkdirSync(dir, { recursive: true });
  const first = questions[0];
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Floor</title><link rel="icon" href="data:,"><style>body{font:16px/1.5 system-ui,sans-serif;max-width:40em;margin:0 auto;padding:1em}label{display:block;padding:.6em;border:1px solid #ccc;border-radius:8px;margin:.4em 0}</style></head>
<body><p id="progress" data-testid="progress">Pertanyaan 1 dari ${questions.length}</p><fieldset><legend><h1 data-testid="question">${escape(first.text)}</h1></legend><div id="choices">
${first.choices.map((c, i) => `<label data-testid="choice"><input type="radio" name="a" value="${i}"> ${escape(c)}</label>`).join('\n')}
</div></fieldset><script src="floor.js"></script></body></html>`,
  );
  writeFileSync(
    join(dir, 'floor.js'),
    `const Q=${JSON.stringify(questions)};let step=0;
document.body.dataset.ready='1';document.addEventListener('click',(e)=>{const label=e.target.closest('[data-testid=choice]');if(!label||e.target.tagName!=='INPUT')return;step++;
if(step>=Q.length){document.body.innerHTML='<section data-testid="result" data-outcome="floor">Selesai</section>';return;}
document.querySelector('[data-testid=question]').textContent=Q[step].text;document.getElementById('progress').textContent='Pertanyaan '+(step+1)+' dari '+Q.length;
document.getElementById('choices').innerHTML=Q[step].choices.map((c,i)=>'<label data-testid="choice"><input type="radio" name="a" value="'+i+'"> '+c+'</label>').join('');});`,
  );
}

export function makeSurveyJs(dir) {
  mkdirSync(dir, { recursive: true });
  const modules = new URL('./node_modules/', import.meta.url).pathname;
  copyFileSync(join(modules, 'survey-core/survey.core.min.js'), join(dir, 'survey.core.min.js'));
  copyFileSync(join(modules, 'survey-js-ui/survey-js-ui.min.js'), join(dir, 'survey-js-ui.min.js'));
  copyFileSync(join(modules, 'survey-core/survey-core.fontless.min.css'), join(dir, 'survey-core.fontless.min.css'));
  const model = {
    autoAdvanceEnabled: true,
    autoAdvanceAllowComplete: true,
    showProgressBar: true,
    pages: questions.map((q, i) => ({
      name: `p${i}`,
      elements: [{ type: 'radiogroup', name: `q${i}`, title: q.text, choices: q.choices.map((text, value) => ({ value, text })) }],
    })),
  };
  writeFileSync(join(dir, 'model.js'), `window.MODEL=${JSON.stringify(model)};`);
  writeFileSync(
    join(dir, 'start.js'),
    `Survey.settings.autoAdvanceDelay=0;const survey=new Survey.Model(window.MODEL);
survey.onComplete.add(()=>{const r=document.createElement('section');r.setAttribute('data-testid','result');r.setAttribute('data-outcome','surveyjs');document.body.append(r);});
survey.render(document.getElementById('survey'));`,
  );
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>SurveyJS</title><link rel="icon" href="data:,"><link rel="stylesheet" href="survey-core.fontless.min.css"></head>
<body><div id="survey"></div><script src="survey.core.min.js"></script><script src="survey-js-ui.min.js"></script><script src="model.js"></script><script src="start.js"></script></body></html>`,
  );
}

export const QUESTION_COUNT = questions.length;
export const FIRST_QUESTION = questions[0].text;
