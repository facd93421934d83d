// `npm start`: builds the demo into www/ and serves it with live reload on http://127.0.0.1:3333.
import { spawn } from 'node:child_process';

const children = [];

function run(command, args) {
  const child = spawn(command, args, { stdio: 'inherit', shell: false });
  children.push(child);
  child.on('exit', (code) => {
    if (code && code !== 0) {
      console.error(`${command} ${args.join(' ')} exited with ${code}`);
      shutdown(code);
    }
  });
  return child;
}

function shutdown(code = 0) {
  for (const child of children) {
    child.kill('SIGTERM');
  }
  process.exit(code);
}

process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

console.log(
  'Demo: http://127.0.0.1:3333/index.html (object card), /admin.html, /lime-connect.html, /dci.html',
);
console.log(
  'Portal add-on: http://127.0.0.1:3334/portal.html (framed by /lime-connect.html); CRM API: http://127.0.0.1:3335/api/v1/',
);
run('npx', ['stencil', 'build', '--dev', '--watch', '--serve', '--no-open']);
// The Portal add-on on a second origin (as Lime Connect frames a hosted add-on), and the emulated
// Lime CRM over HTTP with JWT auth, which the Portal reads (loopback only).
run('npx', ['tsx', 'scripts/static-server.ts', '--port', '3334', '--root', 'www']);
run('npx', ['tsx', 'scripts/api-server.ts', '--port', '3335']);
