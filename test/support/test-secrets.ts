/** The JWT secret of test servers. */
export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256';

/** The master key of test CRMs (32 bytes, base64): fixed, so a reopened test CRM reads what it wrote. */
export const TEST_DATA_KEY = Buffer.alloc(32, 7).toString('base64');
