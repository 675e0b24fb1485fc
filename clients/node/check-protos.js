#!/usr/bin/env node
// SPDX-License-Identifier: GPL-3.0-or-later
// Loads the commandroom.v1 .proto files the way loop.js does and prints every
// service with its methods. Exit 0 when the expected services resolve.
'use strict';

const path = require('node:path');
const fs = require('node:fs');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const PROTO_DIR = path.resolve(
  process.env.PROTO_DIR || path.join(__dirname, '..', '..', 'console-proto', 'src', 'main', 'protobuf'));
const V1 = path.join(PROTO_DIR, 'commandroom', 'v1');
const files = fs.readdirSync(V1).filter((f) => f.endsWith('.proto')).sort()
  .map((f) => path.join('commandroom', 'v1', f));

const def = protoLoader.loadSync(files, {
  keepCase: false,
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
  includeDirs: [PROTO_DIR],
});
const pkg = grpc.loadPackageDefinition(def).commandroom.v1;

let ok = true;
for (const name of ['AuthService', 'CommandService', 'FieldService']) {
  const ctor = pkg[name];
  if (typeof ctor !== 'function' || !ctor.service) {
    console.error(`missing service commandroom.v1.${name}`);
    ok = false;
    continue;
  }
  for (const [method, d] of Object.entries(ctor.service)) {
    const kind = d.responseStream ? (d.requestStream ? 'bidi' : 'server-stream') : (d.requestStream ? 'client-stream' : 'unary');
    console.log(`${name}.${method} ${d.path} ${kind}`);
  }
}
console.log(`loaded ${files.length} files: ${files.join(', ')}`);
process.exit(ok ? 0 : 1);
