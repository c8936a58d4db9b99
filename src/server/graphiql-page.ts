import express, { type Router } from 'express';
import { dirname, join } from 'node:path';

/** The IDE's page: GraphiQL from node_modules, so it works with no internet access. */
const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>CRM · GraphQL</title>
<link rel="stylesheet" href="/ide/graphiql.css">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql">Loading the GraphQL IDE…</div>
<script src="/ide/react.js"></script>
<script src="/ide/react-dom.js"></script>
<script src="/ide/graphiql.js"></script>
<script src="/ide/start.js"></script>
</body>
</html>
`;

const START = `(function () {
  var endpoint = window.location.origin + '/graphql';
  function fetcher(params, options) {
    var headers = Object.assign({ 'content-type': 'application/json', accept: 'application/json' }, (options && options.headers) || {});
    return fetch(endpoint, { method: 'POST', headers: headers, body: JSON.stringify(params) }).then(function (response) {
      return response.json();
    });
  }
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      shouldPersistHeaders: true,
      defaultHeaders: '{\\n  "Authorization": "Bearer paste-the-token-printed-at-start-up"\\n}',
      defaultQuery: '# Paste your token in the Headers tab below, then run:\\n{\\n  me { name email roles }\\n  accounts(first: 10) { totalCount edges { node { id name contacts { totalCount } } } }\\n}\\n'
    })
  );
})();
`;

function packageDir(name: string): string {
  return dirname(require.resolve(`${name}/package.json`));
}

/** Serves the IDE page and its assets. */
export function graphiqlRouter(): Router {
  const router = express.Router();
  const files: Record<string, string> = {
    '/ide/graphiql.js': join(packageDir('graphiql'), 'dist', 'index.umd.js'),
    '/ide/graphiql.css': join(packageDir('graphiql'), 'dist', 'style.css'),
    '/ide/react.js': join(packageDir('react'), 'umd', 'react.production.min.js'),
    '/ide/react-dom.js': join(packageDir('react-dom'), 'umd', 'react-dom.production.min.js'),
  };
  for (const [path, file] of Object.entries(files)) {
    router.get(path, (_req, res) => res.sendFile(file, { maxAge: '1h' }));
  }
  router.get('/ide/start.js', (_req, res) => res.type('application/javascript').send(START));
  router.get(['/', '/graphql'], (req, res, next) => {
    // A browser navigating here gets the IDE; API clients (GET with a query, or JSON) go on to GraphQL.
    if (req.method === 'GET' && req.query.query === undefined && req.accepts(['text/html', 'application/json']) === 'text/html') {
      res.type('html').send(PAGE);
      return;
    }
    next();
  });
  return router;
}
