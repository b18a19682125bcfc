import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/domain/user.ts';
import {
  answersFromForm,
  changeSosdataStatus,
  listSosdataRecords,
  saveSosdataAnswers,
  seedSosdata,
  sosdataDownload,
  sosdataGroupsForRegister,
  sosdataRecord,
} from '../../../src/services/sosdata-work.ts';
import { openStore, type Store } from '../../../src/store/index.ts';
import { ENGINES, freshDatabase } from '../../support/databases.ts';

const informatics: Actor = { username: 'iida.informatics', roles: { 'example-welfare-area': ['informatics'] } };
const everywhere: Actor = { username: 'kaisa.kaikki', roles: { '*': ['informatics'] } };
const auditor: Actor = { username: 'aatu.auditor', roles: { '*': ['auditor'] } };

const TASKS = ['elderly', 'working-age', 'families-with-children', 'child-welfare', 'disability', 'substance-abuse'];

function form(fields: Record<string, string | string[]>, version = 1): FormData {
  const data = new FormData();
  data.set('version', String(version));
  for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) data.append(name, one);
  return data;
}

describe('the answers of the form', () => {
  it('are taken by field name, maps by their key, and empty fields are left out', () => {
    const answers = answersFromForm(
      form({
        'contact.name': ' Essi Esimerkki ',
        'contact.email': '',
        municipalities: ['105', '290'],
        'clientPeriods.elderly': 'kanta',
        'services.home-care': 'mainly',
        feedback: 'rivi 1\r\nrivi 2',
        intent: 'save',
      }),
    );
    expect(answers).toEqual({
      contact: { name: 'Essi Esimerkki' },
      municipalities: ['105', '290'],
      clientPeriods: { elderly: 'kanta' },
      services: { 'home-care': 'mainly' },
      feedback: 'rivi 1\nrivi 2',
    });
  });
});

describe.each(ENGINES)('Sosdata notifications stored on %s', (engine) => {
  let store: Store;
  beforeEach(async () => {
    store = await openStore(await freshDatabase(engine));
  });
  afterEach(() => store.close());

  it('are seeded from the content files once, audited as the system', async () => {
    expect(await seedSosdata(store)).toEqual(['example-welfare-area-north', 'example-welfare-area-south', 'helsinki-2022']);
    expect(await seedSosdata(store)).toEqual(['example-welfare-area-north', 'example-welfare-area-south', 'helsinki-2022']);
    const events = await store.audit.forEntity('sosdata:helsinki-2022');
    expect(events.map((event) => [event.actor, event.action, event.details])).toEqual([['system', 'sosdata.seeded', { to: 'draft' }]]);
    const north = await sosdataRecord(store, informatics, 'example-welfare-area-north');
    expect([north?.notification.status, north?.notification.round.deadline, north?.version]).toEqual(['ready', '2022-04-04', 1]);
  });

  it('are listed only in the organisations where the user has a Sosdata role', async () => {
    const ids = async (actor: Actor) => (await listSosdataRecords(store, actor)).map((record) => record.notification.id);
    expect(await ids(informatics)).toEqual(['example-welfare-area-north', 'example-welfare-area-south']);
    expect(await ids(everywhere)).toHaveLength(3);
    expect(await ids({ username: 'helmi.handler', roles: { '*': ['handler'] } })).toEqual([]);
  });

  it('save a draft that breaks the form’s rules, audited, but cannot mark it ready; the problems name the question', async () => {
    const saved = await saveSosdataAnswers(
      store,
      informatics,
      'example-welfare-area-south',
      form({ groupName: 'Södra kommungruppen', 'clientPeriods.elderly': 'kanta', separateDiscussions: 'yes' }),
    );
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    expect(saved.record.version).toBe(2);
    expect(saved.record.updatedBy).toBe('iida.informatics');
    const errors = saved.problems.filter((problem) => problem.severity === 'error');
    expect(errors.map((problem) => problem.question)).toEqual([17, 17, 17, 17, 17]);
    const events = await store.audit.forEntity('sosdata:example-welfare-area-south');
    expect(events.at(-1)).toMatchObject({ actor: 'iida.informatics', action: 'sosdata.saved', details: { version: 2, errors: 5 } });

    const refused = await changeSosdataStatus(store, informatics, 'example-welfare-area-south', form({ intent: 'ready' }, 2));
    expect(refused).toMatchObject({ ok: false, status: 400, error: 'errors.sosdata.notReady' });
    expect(!refused.ok && refused.problems?.map((problem) => problem.key)).toContain('errors.sosdata.mandatoryTask');
    expect((await sosdataRecord(store, informatics, 'example-welfare-area-south'))?.notification.status).toBe('draft');
  });

  it('mark a notification ready and then sent, each change audited with its statuses', async () => {
    const answers = Object.fromEntries(TASKS.map((task) => [`clientPeriods.${task}`, 'kanta']));
    const saved = await saveSosdataAnswers(
      store,
      informatics,
      'example-welfare-area-south',
      form({ ...answers, separateDiscussions: 'no' }),
    );
    expect(saved.ok && saved.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    const ready = await changeSosdataStatus(store, informatics, 'example-welfare-area-south', form({ intent: 'ready' }, 2));
    expect(ready.ok && ready.record.notification.status).toBe('ready');
    const sent = await changeSosdataStatus(
      store,
      informatics,
      'example-welfare-area-south',
      form({ intent: 'sent', sent: '2022-04-01' }, 3),
    );
    expect(sent.ok && [sent.record.notification.status, sent.record.notification.sent]).toEqual(['sent', '2022-04-01']);
    const events = await store.audit.forEntity('sosdata:example-welfare-area-south');
    expect(events.filter((event) => event.action === 'sosdata.status').map((event) => event.details)).toEqual([
      { from: 'draft', to: 'ready' },
      { from: 'ready', to: 'sent' },
    ]);
    // A sent notification is no longer edited.
    const edit = await saveSosdataAnswers(store, informatics, 'example-welfare-area-south', form({ feedback: 'Lisäys' }, 4));
    expect(edit).toMatchObject({ ok: false, status: 409, error: 'errors.sosdata.alreadySent' });
  });

  it('return a ready notification to draft when it is edited', async () => {
    const saved = await saveSosdataAnswers(store, informatics, 'example-welfare-area-north', form({ groupName: 'Pohjoinen' }));
    expect(saved.ok && saved.record.notification.status).toBe('draft');
    const events = await store.audit.forEntity('sosdata:example-welfare-area-north');
    expect(events.map((event) => event.action)).toEqual(['sosdata.seeded', 'sosdata.saved', 'sosdata.status']);
  });

  it('refuse answers of the wrong shape, naming the field and keeping what was typed, and write nothing', async () => {
    const result = await saveSosdataAnswers(
      store,
      informatics,
      'example-welfare-area-south',
      form({ 'contact.email': 'not an address', 'services.home-care': 'always' }),
    );
    expect(result).toMatchObject({ ok: false, status: 400, values: { contact: { email: 'not an address' } } });
    expect(!result.ok && result.schemaProblems?.map((problem) => problem.path.join('.'))).toEqual([
      'answers.contact.email',
      'answers.services.home-care',
    ]);
    expect(!result.ok && result.schemaProblems?.map((problem) => problem.question)).toEqual([1, 28]);
    expect((await sosdataRecord(store, informatics, 'example-welfare-area-south'))?.version).toBe(1);
  });

  it('refuse a save made to an older version (someone else saved in between)', async () => {
    await saveSosdataAnswers(store, informatics, 'example-welfare-area-south', form({ groupName: 'Ensimmäinen' }));
    const late = await saveSosdataAnswers(store, informatics, 'example-welfare-area-south', form({ groupName: 'Toinen' }));
    expect(late).toMatchObject({ ok: false, status: 409, error: 'sosdataStaff.conflict', values: { groupName: 'Toinen' } });
  });

  it('let an auditor read but not edit, and hide other organisations’ notifications', async () => {
    expect(await sosdataRecord(store, auditor, 'helsinki-2022')).toBeDefined();
    expect(await saveSosdataAnswers(store, auditor, 'helsinki-2022', form({ feedback: 'x' }))).toMatchObject({ ok: false, status: 403 });
    expect(await saveSosdataAnswers(store, informatics, 'helsinki-2022', form({ feedback: 'x' }))).toMatchObject({
      ok: false,
      status: 404,
    });
  });

  it('give the groups that use a register’s client information system', async () => {
    const groups = await sosdataGroupsForRegister(store, everywhere, 'helsinki-atj');
    expect(groups).toEqual([{ id: 'helsinki-2022', organisation: 'helsinki', status: 'draft', deadline: '2022-04-04' }]);
    expect(await sosdataGroupsForRegister(store, informatics, 'helsinki-atj')).toEqual([]);
  });

  it('download the stored answers as CSV with THL’s question numbers', async () => {
    await saveSosdataAnswers(store, informatics, 'example-welfare-area-south', form({ groupName: 'Södra kommungruppen' }));
    const file = await sosdataDownload(store, informatics, 'example-welfare-area-south', 'csv', 'sv');
    expect(file?.filename).toBe('example-welfare-area-south-sv.csv');
    expect(String(file?.body)).toMatch(/^4;Namn på kommungruppen;;;Södra kommungruppen;/mu);
  });
});
