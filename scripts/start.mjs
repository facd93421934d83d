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
run('npx', ['stencil', 'build', '--dev', '--watch', '--serve', '--no-open']);
