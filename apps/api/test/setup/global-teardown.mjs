export default async function globalTeardown() {
  await globalThis.__BEACON_TEST_DB__?.stop();
}
