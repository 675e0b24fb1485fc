#!/usr/bin/env node
// SPDX-License-Identifier: GPL-3.0-or-later
//
// "A client we did not write talks to the hub": drives one full command loop
// against the Command Room hub over gRPC + TLS, knowing nothing but the
// commandroom.v1 .proto files.
//
// stdout: exactly one JSON line on success ({"ok":true,...}), nothing otherwise.
// stderr: progress lines, and on failure a line starting with "FAIL:".
// Exit status: 0 when every check passed, 1 otherwise (including the 60 s overall timeout).
'use strict';

const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const STARTED = Date.now();
const CALL_DEADLINE_MS = 10_000;
const OVERALL_TIMEOUT_MS = 60_000;
const WAIT_EVENT_MS = 15_000;

// ---------------------------------------------------------------------------
// Configuration
// ---------------------------------------------------------------------------

const env = (name, dflt) => {
  const v = process.env[name];
  return v === undefined || v === '' ? dflt : v;
};

const config = {
  address: env('HUB_ADDRESS', '127.0.0.1:50443'),
  caCert: env('HUB_CA_CERT', ''),
  serverName: env('HUB_SERVER_NAME', 'localhost'),
  protoDir: path.resolve(env('PROTO_DIR', path.join(__dirname, '..', '..', 'console-proto', 'src', 'main', 'protobuf'))),
  password: env('HUB_PASSWORD', 'qingxi-demo'),
  dutyUser: env('DUTY_USER', 'duty1'),
  leaderUser: env('LEADER_USER', 'leader1'),
  chiefUser: env('CHIEF_USER', 'chief1'),
  unitUser: env('UNIT_USER', 'u-cd-co1'),
};

// ---------------------------------------------------------------------------
// Failure, logging, clean-up
// ---------------------------------------------------------------------------

class CheckFailed extends Error {}

function log(msg) {
  process.stderr.write(`[loop +${Date.now() - STARTED}ms] ${msg}\n`);
}

function check(cond, msg) {
  if (!cond) throw new CheckFailed(msg);
}

const clients = [];
const streams = [];
let finished = false;

function cleanup() {
  for (const s of streams) {
    s.closing = true;
    try { s.call.cancel(); } catch (_) { /* already gone */ }
  }
  for (const c of clients) {
    try { c.close(); } catch (_) { /* already closed */ }
  }
}

function finish(code, stdoutLine) {
  if (finished) return;
  finished = true;
  clearTimeout(overallTimer);
  cleanup();
  if (stdoutLine !== undefined) process.stdout.write(stdoutLine + '\n');
  // Exit on the next tick so that the writes above are flushed; do not wait for
  // anything gRPC may still hold open.
  setImmediate(() => process.exit(code));
}

function fail(msg) {
  if (finished) return; // already failing or done: report the first cause only
  process.stderr.write(`FAIL: ${msg}\n`);
  finish(1);
}

const overallTimer = setTimeout(() => {
  fail(`overall timeout: the loop did not finish within ${OVERALL_TIMEOUT_MS / 1000} s`);
}, OVERALL_TIMEOUT_MS);

process.on('unhandledRejection', (err) => fail(`unhandled rejection: ${err && err.stack ? err.stack : err}`));
process.on('uncaughtException', (err) => fail(`uncaught exception: ${err && err.stack ? err.stack : err}`));

// ---------------------------------------------------------------------------
// Protos and clients
// ---------------------------------------------------------------------------

function loadProtos() {
  const v1 = path.join(config.protoDir, 'commandroom', 'v1');
  check(fs.existsSync(v1), `PROTO_DIR ${config.protoDir} has no commandroom/v1 directory`);
  const files = fs.readdirSync(v1).filter((f) => f.endsWith('.proto')).sort()
    .map((f) => path.join('commandroom', 'v1', f));
  // google/protobuf/{duration,timestamp}.proto come bundled with proto-loader
  // (protobufjs's common types); PROTO_DIR is there for the commandroom imports.
  const def = protoLoader.loadSync(files, {
    keepCase: false,
    longs: String,
    enums: String,
    defaults: true,
    oneofs: true,
    includeDirs: [config.protoDir],
  });
  const pkg = grpc.loadPackageDefinition(def).commandroom.v1;
  for (const s of ['AuthService', 'CommandService', 'FieldService']) {
    check(typeof pkg[s] === 'function', `service commandroom.v1.${s} not found in ${config.protoDir}`);
  }
  return pkg;
}

function makeClients(pkg) {
  check(config.caCert, 'HUB_CA_CERT is required: the path of the PEM certificate the client must trust');
  let ca;
  try {
    ca = fs.readFileSync(config.caCert);
  } catch (e) {
    throw new CheckFailed(`cannot read HUB_CA_CERT ${config.caCert}: ${e.message}`);
  }
  const creds = grpc.credentials.createSsl(ca);
  const options = {};
  if (config.serverName) {
    options['grpc.ssl_target_name_override'] = config.serverName;
    options['grpc.default_authority'] = config.serverName;
  }
  const mk = (Ctor) => {
    const c = new Ctor(config.address, creds, options);
    clients.push(c);
    return c;
  };
  return { auth: mk(pkg.AuthService), command: mk(pkg.CommandService), field: mk(pkg.FieldService) };
}

function metadataFor(token) {
  const md = new grpc.Metadata();
  if (token) md.set('authorization', `Bearer ${token}`);
  return md;
}

function statusName(code) {
  return Object.keys(grpc.status).find((k) => grpc.status[k] === code) || String(code);
}

// A unary call with a 10 s deadline. Rejects with a CheckFailed naming the call.
function rpc(client, method, request, token, label) {
  return new Promise((resolve, reject) => {
    client[method](request, metadataFor(token), { deadline: Date.now() + CALL_DEADLINE_MS }, (err, res) => {
      if (err) {
        const e = new CheckFailed(`${label}: ${method} failed with ${statusName(err.code)} (${err.code}): ${err.details || err.message}`);
        e.grpcCode = err.code;
        reject(e);
      } else {
        resolve(res);
      }
    });
  });
}

// A call that must fail with the given status code.
async function expectStatus(promise, code, label) {
  try {
    await promise;
  } catch (e) {
    if (e.grpcCode === code) return e;
    throw new CheckFailed(`${label}: expected ${statusName(code)} (${code}) but got ${e.message}`);
  }
  throw new CheckFailed(`${label}: expected ${statusName(code)} (${code}) but the call succeeded`);
}

// A server stream that records every event and lets the loop wait for one.
function openStream(label, client, method, request, token) {
  const rec = { label, events: [], ended: false, error: null, closing: false, waiters: new Set() };
  // Streams outlive single calls; their deadline is the whole loop's budget.
  rec.call = client[method](request, metadataFor(token), { deadline: STARTED + OVERALL_TIMEOUT_MS });
  const notify = () => { for (const w of [...rec.waiters]) w(); };
  rec.call.on('data', (ev) => { rec.events.push(ev); notify(); });
  rec.call.on('error', (err) => {
    if (!rec.closing) rec.error = `${statusName(err.code)} (${err.code}): ${err.details || err.message}`;
    rec.ended = true;
    notify();
  });
  rec.call.on('end', () => { rec.ended = true; notify(); });
  rec.call.on('status', () => { /* keep the event loop informed; nothing to do */ });
  streams.push(rec);
  return rec;
}

function waitFor(rec, pred, what, timeoutMs = WAIT_EVENT_MS) {
  return new Promise((resolve, reject) => {
    let timer;
    const probe = () => {
      const ev = rec.events.find(pred);
      if (ev) { done(); resolve(ev); return; }
      if (rec.error) { done(); reject(new CheckFailed(`${rec.label} stream failed with ${rec.error} while waiting for ${what}`)); return; }
      if (rec.ended) { done(); reject(new CheckFailed(`${rec.label} stream ended while waiting for ${what}`)); }
    };
    const done = () => { clearTimeout(timer); rec.waiters.delete(probe); };
    timer = setTimeout(() => {
      done();
      const kinds = rec.events.map((e) => `${e.sequence}:${e.kind}`).join(', ') || 'none';
      reject(new CheckFailed(`${rec.label} stream: no ${what} within ${timeoutMs / 1000} s (events so far: ${kinds})`));
    }, timeoutMs);
    rec.waiters.add(probe);
    probe();
  });
}

// ---------------------------------------------------------------------------
// Helpers for the contract's types
// ---------------------------------------------------------------------------

function toTimestamp(ms) {
  return { seconds: String(Math.floor(ms / 1000)), nanos: (ms % 1000) * 1_000_000 };
}

function timestampNanos(ts) {
  if (!ts) return null;
  return BigInt(ts.seconds || '0') * 1_000_000_000n + BigInt(ts.nanos || 0);
}

function formatTimestamp(ts) {
  const n = timestampNanos(ts);
  return n === null ? '-' : new Date(Number(n / 1_000_000n)).toISOString();
}

// "Now" for reportedAt, but never before the task was dispatched (the hub
// rejects reports from before the task).
function reportedAt(task) {
  const now = toTimestamp(Date.now());
  const dispatched = task && task.dispatchedAt;
  if (dispatched && timestampNanos(dispatched) > timestampNanos(now)) {
    return { seconds: String(dispatched.seconds), nanos: dispatched.nanos || 0 };
  }
  return now;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

// A valid 2x2 RGB PNG (police blue), built from scratch so every CRC is right.
function tinyPng() {
  const width = 2;
  const height = 2;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: truecolour
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter
  ihdr[12] = 0; // interlace
  const row = Buffer.from([0, 0x1f, 0x3a, 0x93, 0x1f, 0x3a, 0x93]); // filter byte + 2 pixels
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', zlib.deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function photo(name) {
  const data = tinyPng();
  return {
    name,
    contentType: 'image/png',
    data,
    sha256: crypto.createHash('sha256').update(data).digest(),
  };
}

// Which task or incident an event is about (for the events we care about).
function eventTaskId(ev) {
  const body = ev[ev.kind];
  if (!body) return '';
  if (ev.kind === 'taskDispatched') return body.task ? body.task.id : '';
  return body.taskId || '';
}

function eventIncidentId(ev) {
  const body = ev[ev.kind];
  if (!body) return '';
  if (ev.kind === 'incidentReported' || ev.kind === 'incidentUpdated') return body.incident ? body.incident.id : '';
  if (ev.kind === 'taskDispatched') return body.task ? body.task.incidentId : '';
  return '';
}

// ---------------------------------------------------------------------------
// The loop
// ---------------------------------------------------------------------------

async function main() {
  const pkg = loadProtos();
  const { auth, command, field } = makeClients(pkg);
  const run = crypto.randomUUID();
  const key = (what) => `node-loop-${run}-${what}`;
  log(`hub ${config.address} (TLS name ${config.serverName || '(none)'}), CA ${config.caCert}, run ${run}`);

  // (1) Log in the four users.
  const login = async (username, role, label) => {
    const res = await rpc(auth, 'Login', { username, password: config.password }, null, `login ${label} ${username}`);
    check(res.accessToken, `login ${label} ${username}: empty accessToken`);
    check(res.user && res.user.role === role,
      `login ${label} ${username}: expected role ${role}, got ${res.user ? res.user.role : '(no user)'}`);
    return res;
  };
  const duty = await login(config.dutyUser, 'ROLE_DUTY_OFFICER', 'duty officer');
  const leader = await login(config.leaderUser, 'ROLE_SHIFT_LEADER', 'shift leader');
  const chief = await login(config.chiefUser, 'ROLE_STATION_CHIEF', 'station chief');
  const unit = await login(config.unitUser, 'ROLE_FIELD_UNIT', 'field unit');
  check(unit.user.unitId === config.unitUser,
    `field unit ${config.unitUser}: expected user.unitId ${config.unitUser}, got "${unit.user.unitId}"`);
  const T = { duty: duty.accessToken, leader: leader.accessToken, chief: chief.accessToken, unit: unit.accessToken };
  log(`logged in ${config.dutyUser}, ${config.leaderUser}, ${config.chiefUser}, ${config.unitUser}`);

  // (2) Snapshot, then the duty officer follows the log from the next sequence.
  const snapshot = await rpc(command, 'GetSnapshot', {}, T.duty, 'duty officer GetSnapshot');
  const fromSequence = (BigInt(snapshot.asOfSequence) + 1n).toString();
  log(`snapshot as of ${snapshot.asOfSequence}: ${snapshot.units.length} units, ${snapshot.incidents.length} incidents, ${snapshot.tasks.length} tasks; subscribing from ${fromSequence}`);
  check(snapshot.units.some((u) => u.id === config.unitUser), `snapshot has no unit ${config.unitUser}`);
  const dutyStream = openStream('duty officer Subscribe', command, 'Subscribe', { fromSequence }, T.duty);

  // (3) The unit follows its instructions from the same sequence.
  const unitStream = openStream('unit Instructions', field, 'Instructions', { fromSequence }, T.unit);

  // (4) The duty officer takes in an incident.
  const position = { latitude: 30.5452, longitude: 119.9603 };
  const reported = await rpc(command, 'ReportIncident', {
    type: 'INCIDENT_TYPE_DISPUTE',
    priority: 'PRIORITY_HIGH',
    position,
    address: '清溪县城东街道人民路128号3单元',
    reporter: { name: '张女士', phone: '13900001234' },
    summary: '楼上楼下因夜间噪音发生纠纷，双方争吵激烈，报警人请求民警到场调解。',
    idempotencyKey: key('report-incident'),
  }, T.duty, 'duty officer ReportIncident');
  const incident = reported.incident;
  check(incident && incident.id, 'ReportIncident: no incident id in the response');
  const incidentId = incident.id;
  check(incident.type === 'INCIDENT_TYPE_DISPUTE' && incident.priority === 'PRIORITY_HIGH',
    `ReportIncident: incident came back as ${incident.type}/${incident.priority}`);
  log(`incident ${incidentId} reported (sequence ${reported.sequence}, zone ${incident.zoneId || '-'})`);

  // (5) The shift leader dispatches; then the same request again.
  const dispatchRequest = {
    incidentId,
    kind: 'TASK_KIND_MEDIATE',
    unitIds: [config.unitUser],
    instruction: '请立即前往现场调解邻里噪音纠纷，注意安全，做好记录，完成后及时反馈。',
    idempotencyKey: key('dispatch'),
  };
  const dispatched = await rpc(command, 'DispatchTask', dispatchRequest, T.leader, 'shift leader DispatchTask');
  check(dispatched.task && dispatched.task.id, 'DispatchTask: no task id in the response');
  const taskId = dispatched.task.id;
  check(dispatched.task.incidentId === incidentId,
    `DispatchTask: task ${taskId} is for incident ${dispatched.task.incidentId}, not ${incidentId}`);
  check(dispatched.task.status === 'TASK_STATUS_DISPATCHED',
    `DispatchTask: task ${taskId} status ${dispatched.task.status}, expected TASK_STATUS_DISPATCHED`);
  log(`task ${taskId} dispatched to ${dispatched.task.assigneeUnitIds.join(',')} (sequence ${dispatched.sequence})`);

  const again = await rpc(command, 'DispatchTask', dispatchRequest, T.leader, 'shift leader DispatchTask (repeated, same idempotency key)');
  check(again.task && again.task.id === taskId,
    `DispatchTask repeated with the same idempotency key returned task ${again.task && again.task.id}, expected ${taskId}`);
  const afterRepeat = await rpc(command, 'GetIncident', { incidentId }, T.leader, 'shift leader GetIncident after repeated dispatch');
  check(afterRepeat.incident.taskIds.length === 1 && afterRepeat.incident.taskIds[0] === taskId,
    `after the repeated DispatchTask the incident holds tasks [${afterRepeat.incident.taskIds.join(', ')}], expected only ${taskId}`);
  check(afterRepeat.tasks.length === 1,
    `after the repeated DispatchTask GetIncident lists ${afterRepeat.tasks.length} tasks, expected 1`);
  log(`repeated DispatchTask returned the same task ${taskId}; no second task`);

  // (8) Two error cases.
  await expectStatus(
    rpc(command, 'DispatchTask', { ...dispatchRequest, unitIds: [], idempotencyKey: key('dispatch-empty-units') },
      T.leader, 'DispatchTask with empty unitIds'),
    grpc.status.INVALID_ARGUMENT, 'DispatchTask with empty unitIds');
  log('DispatchTask with empty unitIds -> INVALID_ARGUMENT');
  await expectStatus(rpc(command, 'GetSnapshot', {}, null, 'GetSnapshot without a token'),
    grpc.status.UNAUTHENTICATED, 'GetSnapshot without a token');
  log('GetSnapshot without a token -> UNAUTHENTICATED');

  // (6) The unit sees the instruction, reports progress and submits feedback.
  const seenDispatch = await waitFor(unitStream,
    (ev) => ev.kind === 'taskDispatched' && eventTaskId(ev) === taskId, `TaskDispatched for ${taskId}`);
  log(`unit saw TaskDispatched for ${taskId} at sequence ${seenDispatch.sequence}`);
  const unitTask = seenDispatch.taskDispatched.task;

  let last = null;
  for (const step of ['DELIVERED', 'SIGNED_FOR', 'ARRIVED', 'IN_PROGRESS']) {
    last = await rpc(field, 'ReportProgress', {
      taskId,
      progress: `PROGRESS_${step}`,
      position: { latitude: 30.5451, longitude: 119.9601 },
      reportedAt: reportedAt(unitTask),
      idempotencyKey: key(`progress-${step.toLowerCase()}`),
    }, T.unit, `unit ReportProgress ${step}`);
    check(last.task && last.task.status === `TASK_STATUS_${step}`,
      `ReportProgress ${step}: task status ${last.task && last.task.status}, expected TASK_STATUS_${step}`);
    log(`unit reported ${step} (sequence ${last.sequence})`);
  }

  const submit = async (text, what) => {
    const res = await rpc(field, 'SubmitFeedback', {
      taskId,
      resultCode: 'RESULT_CODE_MEDIATED',
      text,
      photos: [photo(`scene-${what}.png`)],
      idempotencyKey: key(`feedback-${what}`),
    }, T.unit, `unit SubmitFeedback (${what})`);
    check(res.task && res.task.status === 'TASK_STATUS_FEEDBACK_SUBMITTED',
      `SubmitFeedback (${what}): task status ${res.task && res.task.status}, expected TASK_STATUS_FEEDBACK_SUBMITTED`);
    log(`unit submitted feedback (${what}), sequence ${res.sequence}`);
    return res;
  };
  await submit('已到场调解，双方就夜间噪音问题达成一致，楼上住户承诺22点后不再制造噪音。', 'first');

  // (7) The chief returns the feedback; the unit sees it and submits again; the chief approves.
  const review = async (decision, reason, what) => {
    const current = await rpc(command, 'GetTask', { taskId }, T.chief, `station chief GetTask before ${what}`);
    const res = await rpc(command, 'ReviewFeedback', {
      taskId,
      expectedVersion: current.task.version,
      decision,
      reason,
      idempotencyKey: key(`review-${what}`),
    }, T.chief, `station chief ReviewFeedback ${what}`);
    log(`chief ${what} at version ${current.task.version} -> status ${res.task.status} (sequence ${res.sequence})`);
    return res;
  };
  const returned = await review('REVIEW_DECISION_RETURN', '反馈未附调解协议编号，请补充后重新提交。', 'return');
  check(returned.task.status === 'TASK_STATUS_IN_PROGRESS',
    `ReviewFeedback RETURN: task status ${returned.task.status}, expected TASK_STATUS_IN_PROGRESS`);
  check(returned.task.returnedCount === 1, `ReviewFeedback RETURN: returnedCount ${returned.task.returnedCount}, expected 1`);

  const seenReturn = await waitFor(unitStream,
    (ev) => ev.kind === 'taskReturned' && eventTaskId(ev) === taskId, `TaskReturned for ${taskId}`);
  log(`unit saw TaskReturned at sequence ${seenReturn.sequence}: ${seenReturn.taskReturned.reason}`);
  await submit('已补充：调解协议编号 TJ-2026-0001，双方已签字确认，现场恢复平静。', 'second');

  const approved = await review('REVIEW_DECISION_APPROVE', '同意，闭环。', 'approve');
  check(approved.task.status === 'TASK_STATUS_CLOSED',
    `ReviewFeedback APPROVE: task status ${approved.task.status}, expected TASK_STATUS_CLOSED`);

  // (9) The duty officer's stream has the whole story, gap-free and in order.
  await waitFor(dutyStream, (ev) => ev.kind === 'taskClosed' && eventTaskId(ev) === taskId, `TaskClosed for ${taskId}`);
  const events = dutyStream.events;
  check(events.length > 0, 'duty officer Subscribe: no events');
  check(events[0].sequence === fromSequence,
    `duty officer Subscribe from ${fromSequence}: first event has sequence ${events[0].sequence}`);
  for (let i = 1; i < events.length; i++) {
    const prev = BigInt(events[i - 1].sequence);
    const cur = BigInt(events[i].sequence);
    check(cur === prev + 1n,
      `duty officer Subscribe: sequence ${events[i].sequence} follows ${events[i - 1].sequence} (expected ${prev + 1n})`);
  }
  const ours = events.filter((ev) => {
    switch (ev.kind) {
      case 'incidentReported': return eventIncidentId(ev) === incidentId;
      case 'taskDispatched': return eventIncidentId(ev) === incidentId;
      case 'taskProgressed':
      case 'feedbackSubmitted':
      case 'taskReturned':
      case 'taskClosed': return eventTaskId(ev) === taskId;
      default: return false;
    }
  });
  const expectedKinds = [
    'incidentReported', 'taskDispatched',
    'taskProgressed', 'taskProgressed', 'taskProgressed', 'taskProgressed',
    'feedbackSubmitted', 'taskReturned', 'feedbackSubmitted', 'taskClosed',
  ];
  const seenKinds = ours.map((ev) => ev.kind);
  check(JSON.stringify(seenKinds) === JSON.stringify(expectedKinds),
    `duty officer Subscribe: events about ${incidentId}/${taskId} were [${seenKinds.join(', ')}], expected [${expectedKinds.join(', ')}]`);
  const progressOrder = ours.filter((ev) => ev.kind === 'taskProgressed').map((ev) => ev.taskProgressed.progress);
  const expectedProgress = ['PROGRESS_DELIVERED', 'PROGRESS_SIGNED_FOR', 'PROGRESS_ARRIVED', 'PROGRESS_IN_PROGRESS'];
  check(JSON.stringify(progressOrder) === JSON.stringify(expectedProgress),
    `duty officer Subscribe: progress came as [${progressOrder.join(', ')}], expected [${expectedProgress.join(', ')}]`);
  const reportedEvent = ours[0];
  check(reportedEvent.sequence === reported.sequence,
    `IncidentReported is sequence ${reportedEvent.sequence} on the stream but ReportIncident answered ${reported.sequence}`);
  log(`duty officer saw ${events.length} events ${fromSequence}..${events[events.length - 1].sequence}, ours in order: ${seenKinds.join(' ')}`);

  // (10) The case file.
  const detail = await rpc(command, 'GetIncident', { incidentId }, T.duty, 'duty officer GetIncident');
  const finalTask = detail.tasks.find((t) => t.id === taskId);
  check(finalTask, `GetIncident ${incidentId}: task ${taskId} is not among its tasks`);
  check(detail.tasks.length === 1, `GetIncident ${incidentId}: ${detail.tasks.length} tasks, expected 1`);
  check(finalTask.status === 'TASK_STATUS_CLOSED', `GetIncident ${incidentId}: task ${taskId} is ${finalTask.status}, expected TASK_STATUS_CLOSED`);
  check(finalTask.returnedCount === 1, `GetIncident ${incidentId}: task returnedCount ${finalTask.returnedCount}, expected 1`);
  check(detail.incident.status === 'INCIDENT_STATUS_RESOLVED',
    `GetIncident ${incidentId}: incident is ${detail.incident.status}, expected INCIDENT_STATUS_RESOLVED (its only task is closed)`);
  const timeline = detail.incident.timeline;
  check(timeline.length > 0, `GetIncident ${incidentId}: the incident timeline is empty`);
  log(`timeline of ${incidentId} (${timeline.length} lines):`);
  for (const line of timeline) {
    const who = line.actor ? `${line.actor.userId}/${line.actor.role}` : '-';
    log(`  #${line.sequence} ${formatTimestamp(line.time)} ${who} ${line.what}${line.taskId ? ` [${line.taskId}]` : ''}${line.note ? ` — ${line.note}` : ''}`);
  }
  const taskTimeline = finalTask.timeline || [];
  log(`timeline of ${taskId}: ${taskTimeline.length} lines`);

  return {
    ok: true,
    incidentId,
    taskId,
    events: events.length,
    fromSequence,
    lastSequence: events[events.length - 1].sequence,
    unitEvents: unitStream.events.length,
    loopEvents: seenKinds.length,
    incidentStatus: detail.incident.status,
    taskStatus: finalTask.status,
    returnedCount: finalTask.returnedCount,
    timelineLines: timeline.length,
    taskTimelineLines: taskTimeline.length,
    elapsedMs: Date.now() - STARTED,
  };
}

main().then(
  (summary) => finish(0, JSON.stringify(summary)),
  (err) => fail(err instanceof CheckFailed ? err.message : (err && err.stack) || String(err)),
);
