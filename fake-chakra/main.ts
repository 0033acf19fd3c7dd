// `npm run fake-chakra`: the fake ChakraHQ on its own (npm run dev starts it for you).
import { loadEnvFiles } from "../scripts/lib/load-env";
import { startFakeChakraForApp } from "./start";

loadEnvFiles();
const { env } = await import("../lib/env");
const fake = await startFakeChakraForApp(env);
console.log(
  `Fake ChakraHQ listening on ${fake.url} (state in ${env.FAKE_CHAKRA_STATE_FILE}); simulate changes at ${fake.url}/demo`,
);
const stop = () => fake.close().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
