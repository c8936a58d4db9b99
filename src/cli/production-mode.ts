// Imported first by the `crm` entry point: unless told otherwise, the command line runs in production mode,
// so graphql-js skips its development checks and error messages do not suggest field names.
process.env.NODE_ENV ??= 'production';
